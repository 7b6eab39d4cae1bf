namespace AccessGrid.Grains;

/// <summary>The caller behind a request, carried in Orleans' <see cref="RequestContext"/> so that it follows every
/// grain call the request makes. The gateway sets it once per authenticated request; audit entries read it.</summary>
public static class AuditActors
{
    private const string KeyIdSlot = "accessgrid.actor.key";
    private const string LabelSlot = "accessgrid.actor.label";

    /// <summary>Marks the calls made from here on (in this async flow) as made by this key.</summary>
    public static void Set(string keyId, string label)
    {
        RequestContext.Set(KeyIdSlot, keyId);
        RequestContext.Set(LabelSlot, label);
    }

    /// <summary>The key behind the current call, or <see cref="AuditActor.System"/>.</summary>
    public static AuditActor Current() =>
        RequestContext.Get(KeyIdSlot) is string keyId ? new AuditActor(keyId, RequestContext.Get(LabelSlot) as string ?? "") : AuditActor.System;
}
