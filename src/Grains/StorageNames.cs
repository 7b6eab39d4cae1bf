namespace AccessGrid.Grains;

/// <summary>Grain storage provider names the grains ask for; the silo registers one provider per name.</summary>
public static class StorageNames
{
    public const string Staff = "staff";
    public const string Doors = "doors";
    public const string Directory = "directory";
    public const string Keys = "keys";
    /// <summary>Index shard membership and write generation (the vectors themselves go to the snapshot store).</summary>
    public const string Index = "index";
    /// <summary>Alarms and each door's alarm thresholds.</summary>
    public const string Alarms = "alarms";
    /// <summary>Webhooks, their secrets and delivery logs.</summary>
    public const string Webhooks = "webhooks";

    public static readonly string[] All = [Staff, Doors, Directory, Keys, Index, Alarms, Webhooks];
}
