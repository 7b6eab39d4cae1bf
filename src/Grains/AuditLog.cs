namespace AccessGrid.Grains;

/// <summary>Shorthand for writing change entries from grains. The actor comes from the Orleans request context, set
/// by the gateway from the authenticated key, so no grain method needs an actor parameter; calls that no key made
/// (start-up, housekeeping) are recorded as <see cref="AuditActor.System"/>.</summary>
internal static class AuditLog
{
    public static IAuditLogGrain Of(IGrainFactory grains) => grains.GetGrain<IAuditLogGrain>(0);

    public static ValueTask Change(IGrainFactory grains, string action, string? doorId, string? staffId, string detail) =>
        Of(grains).Append(new AuditEntry(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, AuditKind.Change, action, doorId, staffId, detail, null,
            AuditActors.Current()));
}
