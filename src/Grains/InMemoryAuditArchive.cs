using System.Collections.Concurrent;

namespace AccessGrid.Grains;

/// <summary>Archived audit days in process memory (tests, single-process runs). Public <see cref="Blobs"/> for the
/// same reason as <see cref="InMemoryAuditStore.Rows"/>: tamper tests replace and delete them directly.</summary>
public sealed class InMemoryAuditArchive : IAuditArchive
{
    public ConcurrentDictionary<string, ArchivedAuditDay> Blobs { get; } = new(StringComparer.Ordinal);

    public Task Write(ArchivedAuditDay day, CancellationToken cancellationToken = default)
    {
        Blobs[day.Head.Chain] = day;
        return Task.CompletedTask;
    }

    public Task<ArchivedAuditDay?> Read(string chain, CancellationToken cancellationToken = default) =>
        Task.FromResult(Blobs.GetValueOrDefault(chain));

    public Task<string[]> Days(CancellationToken cancellationToken = default) => Task.FromResult(Blobs.Keys.ToArray());

    public Task Delete(string chain, CancellationToken cancellationToken = default)
    {
        Blobs.TryRemove(chain, out _);
        return Task.CompletedTask;
    }
}
