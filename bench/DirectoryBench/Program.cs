using System.Diagnostics;
using AccessGrid.DirectoryBench;
using AccessGrid.Grains;
using AccessGrid.LocalRun;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

// usage: dotnet run -c Release --project bench/DirectoryBench -- [--people 1000000] [--storage memory|azurite] [--rounds 20] [--probe-limit]
// --probe-limit: writes one partition state of growing size until the storage refuses it (the largest partition that fits).
var people = int.Parse(Option("--people") ?? "1000000");
var storageKind = Option("--storage") ?? "memory";
var rounds = int.Parse(Option("--rounds") ?? "20");

await using var azurite = storageKind == "azurite" ? await AzuriteProcess.StartAsync(RepositoryRoot()) : null;
var ports = FreePorts.Take(2);
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(ports[0], ports[1]).AddAccessGridGrains();
    if (azurite is null) silo.AddAccessGridMemoryStorage();
    else silo.AddAccessGridAzureStorage(azurite.ConnectionString);
});
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();
var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Directory);
var serializer = host.Services.GetRequiredService<IGrainStorageSerializer>();

if (args.Contains("--probe-limit"))
{
    if (azurite is null) throw new ArgumentException("--probe-limit needs --storage azurite: memory storage has no size limit.");
    var probe = grains.GetGrain<IStaffDirectoryPartitionGrain>(StaffDirectory.Partitions + 1).GetGrainId(); // not a real partition
    var grown = new StaffDirectoryPartitionState();
    for (var step = 1; ; step++)
    {
        for (var i = grown.Names.Count; i < step * 2_000; i++) grown.Names[SyntheticPeople.Id(i)] = SyntheticPeople.Name(i);
        var bytes = serializer.Serialize(grown).Length;
        try
        {
            await storage.WriteStateAsync("staffDirectory", probe, new GrainState<StaffDirectoryPartitionState>(grown));
            Console.WriteLine($"stored {grown.Names.Count:N0} people ({bytes / 1024.0:0} KB serialized)");
        }
        catch (Exception e)
        {
            Console.WriteLine($"refused {grown.Names.Count:N0} people ({bytes / 1024.0:0} KB serialized): {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            return 0;
        }
    }
}

Console.WriteLine($"# staff directory: {people:N0} people, {StaffDirectory.Partitions} partitions, {storageKind} storage, " +
    $"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

// Seed: each partition's state written as the partition grain would store it (a million Puts would measure the seeding).
var seed = Stopwatch.StartNew();
var states = Enumerable.Range(0, StaffDirectory.Partitions).Select(_ => new StaffDirectoryPartitionState()).ToArray();
for (var i = 0; i < people; i++) states[StaffDirectory.PartitionOf(SyntheticPeople.Id(i))].Names[SyntheticPeople.Id(i)] = SyntheticPeople.Name(i);
var sizes = states.Select(s => serializer.Serialize(s).Length).Order().ToArray();
await Parallel.ForEachAsync(Enumerable.Range(0, states.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, _) =>
    await storage.WriteStateAsync("staffDirectory", grains.GetGrain<IStaffDirectoryPartitionGrain>(p).GetGrainId(),
        new GrainState<StaffDirectoryPartitionState>(states[p])));
var counts = states.Select(s => s.Names.Count).Order().ToArray();
states = null;
Console.WriteLine($"seeded in {seed.Elapsed.TotalSeconds:0.0} s; people per partition min {counts[0]:N0} / median {counts[^(counts.Length / 2)]:N0} / max {counts[^1]:N0}");
Console.WriteLine($"stored state per partition ({serializer.GetType().Name}): min {sizes[0] / 1024.0:0.0} KB / median {sizes[sizes.Length / 2] / 1024.0:0.0} KB / max {sizes[^1] / 1024.0:0.0} KB; " +
    $"{(double)sizes.Sum() / people:0.0} bytes per person");

var directory = grains.GetGrain<IStaffDirectoryGrain>(0);
var cold = Stopwatch.StartNew();
var all = await directory.Find(new StaffQuery(Limit: 1));
Console.WriteLine($"cold count (activates every partition from storage): {cold.Elapsed.TotalMilliseconds:0} ms, total {all.Total:N0}");
GC.Collect();
Console.WriteLine($"managed heap with every partition active: {GC.GetTotalMemory(true) / 1048576.0:0} MB");

Console.WriteLine();
Console.WriteLine("| query | matches | page | p50 ms | p95 ms |");
Console.WriteLine("|---|---:|---:|---:|---:|");
await Time("count (limit 1, no text)", new StaffQuery(Limit: 1));
await Time("first page of 100, no text", new StaffQuery());
await Time("page of 100 after cursor emp-0500000", new StaffQuery(After: SyntheticPeople.Id(people / 2)));
await Time("page of 1,000 after cursor", new StaffQuery(Limit: 1000, After: SyntheticPeople.Id(people / 3)));
await Time("offset 10,000, page of 100", new StaffQuery(Offset: 10_000));
await Time("search \"jo\" (given-name prefix)", new StaffQuery("jo"));
await Time("search \"zoe ber\" (two words, accents folded)", new StaffQuery("zoe ber"));
await Time("search \"emp-00012\" (id prefix)", new StaffQuery("emp-00012"));
await Time("search \"qqq\" (no match)", new StaffQuery("qqq"));

// Adds at this size: each write stores the whole partition state; concurrent adds to a partition share a write.
var sequential = Stopwatch.StartNew();
for (var i = 0; i < 200; i++) await StaffDirectory.PartitionOf(grains, SyntheticPeople.Id(people + i)).Put(SyntheticPeople.Id(people + i), SyntheticPeople.Name(people + i));
Console.WriteLine();
Console.WriteLine($"200 sequential Puts: {sequential.Elapsed.TotalMilliseconds / 200:0.00} ms each");
var concurrent = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(people + 200, 5000).Select(i => StaffDirectory.PartitionOf(grains, SyntheticPeople.Id(i)).Put(SyntheticPeople.Id(i), SyntheticPeople.Name(i)).AsTask()));
Console.WriteLine($"5,000 concurrent Puts: {5000 / concurrent.Elapsed.TotalSeconds:N0} per second");

await host.StopAsync();
return 0;

async Task Time(string label, StaffQuery query)
{
    var times = new double[rounds];
    StaffIdPage page = null!;
    for (var r = 0; r < rounds; r++)
    {
        var watch = Stopwatch.StartNew();
        page = await directory.Find(query);
        times[r] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    Console.WriteLine($"| {label} | {page.Total:N0} | {page.Ids.Length} | {times[rounds / 2]:0.0} | {times[(int)Math.Ceiling(rounds * 0.95) - 1]:0.0} |");
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string RepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AccessGrid.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new DirectoryNotFoundException("Run from inside the repository.");
}
