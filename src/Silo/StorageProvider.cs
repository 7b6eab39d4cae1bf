namespace AccessGrid.Silo;

/// <summary>Where grain state, the audit and index snapshots live (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>Azure Storage: Azurite by default, a real account by <c>ConnectionStrings:AzureStorage</c>.</summary>
    AzureStorage,
    /// <summary>PostgreSQL at <c>ConnectionStrings:Postgres</c>.</summary>
    Postgres,
}
