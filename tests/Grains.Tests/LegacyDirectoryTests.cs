using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AccessGrid.Grains.Tests;

/// <summary>A directory stored before the partitions (every staff id in one state) keeps working: its ids move into
/// the partitions with each person's current name, its doors stay, and people erased since are not brought back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LegacyDirectoryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Old_staff_ids_move_into_the_partitions_with_their_names()
    {
        var grains = fixture.Client;
        var ids = Enumerable.Range(0, 3).Select(_ => ClusterFixture.NewId("legacy")).ToArray();
        foreach (var id in ids) await grains.GetGrain<IStaffGrain>(id).Create($"Légacy Person {id[^4..]}");
        // As the old directory left them: in its one state, not in any partition.
        foreach (var id in ids) await StaffDirectory.PartitionOf(grains, id).Remove(id);
        var erased = ClusterFixture.NewId("legacy-erased");
        var door = new DoorInfo("legacy-door", "Old door", "main", DoorMode.Identify, LivenessPolicy.Off);

        // Key 7, not the cluster's directory (0), so the test owns the whole state.
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Directory);
        var directory = grains.GetGrain<IDirectoryGrain>(7);
        await storage.WriteStateAsync("directory", directory.GetGrainId(), new GrainState<DirectoryState>(new DirectoryState
        {
            Doors = { [door.Id] = door },
            Staff = [.. ids, erased],
        }));

        Assert.Equal(0, await directory.MigrateLegacyStaff(1000));

        var finder = grains.GetGrain<IStaffDirectoryGrain>(0);
        foreach (var id in ids) Assert.Equal([id], (await finder.Find(new StaffQuery($"legacy person {id[^4..]}"))).Ids);
        Assert.Empty((await finder.Find(new StaffQuery(erased))).Ids);
        Assert.Equal([door], await directory.ListDoors());
        var stored = new GrainState<DirectoryState>(new DirectoryState());
        await storage.ReadStateAsync("directory", directory.GetGrainId(), stored);
        Assert.Empty(stored.State!.Staff);
        foreach (var id in ids) await grains.GetGrain<IStaffGrain>(id).Erase();
    }
}
