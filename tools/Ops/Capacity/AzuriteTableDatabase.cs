namespace AccessGrid.Ops.Capacity;

/// <summary>Azurite's table database as it lies on disk: one JSON file that Azurite rewrites whole (LokiJS, every 5 s
/// after a change), so its size is what each save has to serialise and write.</summary>
public sealed class AzuriteTableDatabase(string azuriteFolder)
{
    public string File => Path.Combine(azuriteFolder, "__azurite_db_table__.json");

    /// <summary>The size of the first save that starts after <paramref name="after"/> (UTC), once the file stops changing.</summary>
    public async Task<long> SavedBytesAfter(DateTime after, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var file = new FileInfo(File);
            if (file.Exists && file.LastWriteTimeUtc > after)
            {
                await Task.Delay(1000, ct);
                var again = new FileInfo(File);
                if (again.Length == file.Length && again.LastWriteTimeUtc == file.LastWriteTimeUtc) return again.Length;
            }
            await Task.Delay(500, ct);
        }
        throw new TimeoutException($"Azurite did not save {File} within 3 minutes.");
    }
}
