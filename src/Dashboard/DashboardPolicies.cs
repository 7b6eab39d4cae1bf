namespace AccessGrid.Dashboard;

/// <summary>Who may use which part of the dashboard. Readers are door devices: they never see it.</summary>
public static class DashboardPolicies
{
    /// <summary>Any valid key, whatever its role: only to learn that role.</summary>
    public const string AnyKey = "accessgrid-dashboard-any-key";

    /// <summary>Guards, HR and admins: the live feed.</summary>
    public const string Viewer = "accessgrid-dashboard-viewer";

    /// <summary>Admins only: the Orleans Dashboard.</summary>
    public const string Admin = "accessgrid-dashboard-admin";
}
