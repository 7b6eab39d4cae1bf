using AccessGrid.Grains;

namespace AccessGrid.Gateway.Auth;

/// <summary>Role names as they appear in claims and JSON, and the authorization policies built on them.</summary>
public static class ApiRoles
{
    public const string Admin = "admin";
    public const string Hr = "hr";
    public const string Guard = "guard";
    public const string Reader = "reader";

    /// <summary>Keys and index operations: admin only.</summary>
    public const string AdminPolicy = "keys";
    /// <summary>Doors, staff, faces and grants: admin and HR.</summary>
    public const string ManagePolicy = "manage";
    /// <summary>Read-only views: admin, HR and guards.</summary>
    public const string ReadPolicy = "read";
    /// <summary>Posting frames to a door: admin, or a reader bound to that very door.</summary>
    public const string DoorPolicy = "door";

    public static string Name(ApiRole role) => role switch
    {
        ApiRole.Admin => Admin,
        ApiRole.Hr => Hr,
        ApiRole.Guard => Guard,
        ApiRole.Reader => Reader,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
