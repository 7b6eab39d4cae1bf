namespace AccessGrid.Grains;

/// <summary>Shorthand for writing change entries from grains.</summary>
internal static class AuditLog
{
    public static IAuditLogGrain Of(IGrainFactory grains) => grains.GetGrain<IAuditLogGrain>(0);

    public static ValueTask Change(IGrainFactory grains, string action, string? doorId, string? staffId, string detail) =>
        Of(grains).Append(new AuditEntry(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, AuditKind.Change, action, doorId, staffId, detail, null));
}
