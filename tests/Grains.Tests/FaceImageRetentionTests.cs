using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccessGrid.Grains.Tests;

/// <summary>The housekeeping deletes decision snapshots past retention on its TimeProvider timer.</summary>
public sealed class FaceImageRetentionTests
{
    [Fact]
    public async Task Snapshots_older_than_the_retention_are_deleted_at_the_next_sweep_and_younger_ones_stay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var store = new InMemoryFaceImageStore();
        var options = new AccessGridOptions { FaceImages = { SnapshotDays = 7, Interval = TimeSpan.FromHours(1) } };
        await store.PutSnapshot(Snapshot("a", clock.GetUtcNow().AddDays(-7).AddMinutes(30))); // expires within the hour
        await store.PutSnapshot(Snapshot("b", clock.GetUtcNow().AddDays(-1)));
        using var service = new FaceImageHousekeepingService(store, Options.Create(options), clock, NullLogger<FaceImageHousekeepingService>.Instance);
        var sweeps = new List<TaskCompletionSource<int>> { new(TaskCreationOptions.RunContinuationsAsynchronously) };
        service.Swept += deleted => sweeps[^1].TrySetResult(deleted);
        await service.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await sweeps[^1].Task.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Null(await store.GetSnapshot(Id("a")));
        Assert.NotNull(await store.GetSnapshot(Id("b")));
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void The_retention_is_kept_within_one_to_365_days()
    {
        var now = DateTimeOffset.UnixEpoch.AddYears(50);
        Assert.Equal(now.AddDays(-7), new FaceImageRetention().Cutoff(now));
        Assert.Equal(now.AddDays(-1), new FaceImageRetention { SnapshotDays = 0 }.Cutoff(now));
        Assert.Equal(now.AddDays(-365), new FaceImageRetention { SnapshotDays = 10_000 }.Cutoff(now));
    }

    private static DecisionSnapshot Snapshot(string name, DateTimeOffset at) => new(Id(name), "door-1", null, at, [0xFF, 0xD8, 0xFF]);

    private static string Id(string name) => name.PadLeft(32, '0');
}
