using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.Grains.Postgres;
using AccessGrid.LocalRun;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace AccessGrid.Gateway.Tests;

/// <summary>Orleans' membership-table contract on a private PostgreSQL cluster: the table version is the ETag every
/// change must name, a silo's row ETag guards its updates, the heartbeat moves neither, reads are consistent, defunct
/// dead silos are cleaned up, and an outage is a <see cref="StorageUnavailableException"/>. Each test is its own
/// cluster id in one database; the last one forms a real two-silo cluster through the table.</summary>
public sealed class PostgresMembershipTableTests(PrivatePostgres postgres) : IClassFixture<PrivatePostgres>
{
    private static readonly DateTime Now = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    private async Task<PostgresMembershipTable> Table(string clusterId)
    {
        var table = new PostgresMembershipTable(postgres.Database, Options.Create(new ClusterOptions { ClusterId = clusterId }));
        await table.InitializeMembershipTable(true);
        return table;
    }

    [PostgresFact]
    public async Task A_new_cluster_reads_empty_at_version_zero_and_initialising_twice_keeps_it()
    {
        var table = await Table("empty");
        await table.InitializeMembershipTable(true);

        var data = await table.ReadAll();
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.Empty((await table.ReadRow(Silo(1))).Members);
    }

    [PostgresFact]
    public async Task Inserting_names_the_table_version_read_and_a_silo_is_inserted_once()
    {
        var table = await Table("insert");
        var version = (await table.ReadAll()).Version;

        Assert.True(await table.InsertRow(Entry(Silo(1)), version.Next()));
        Assert.False(await table.InsertRow(Entry(Silo(2)), version.Next()));        // stale table version
        var after = await table.ReadAll();
        Assert.Equal(1, after.Version.Version);
        Assert.False(await table.InsertRow(Entry(Silo(1)), after.Version.Next()));  // the silo has a row
        var read = await table.ReadAll();

        Assert.Equal(after.Version, read.Version); // failed writes leave nothing behind
        var (entry, _) = Assert.Single(read.Members);
        Assert.Equal(Silo(1), entry.SiloAddress);
        Assert.Equal(SiloStatus.Active, entry.Status);
        Assert.Equal(Now, entry.StartTime);
        Assert.Equal(DateTimeKind.Utc, entry.IAmAliveTime.Kind);
    }

    [PostgresFact]
    public async Task Updating_needs_the_row_etag_and_the_table_version_and_keeps_every_field()
    {
        var table = await Table("update");
        Assert.True(await table.InsertRow(Entry(Silo(1)), (await table.ReadAll()).Version.Next()));
        var read = await table.ReadRow(Silo(1));
        var (entry, etag) = read.Members[0];

        entry.Status = SiloStatus.Dead;
        entry.AddSuspector(Silo(2), Now.AddSeconds(5));
        Assert.False(await table.UpdateRow(entry, etag + "1", read.Version.Next()));           // stale row etag
        Assert.False(await table.UpdateRow(entry, etag, new TableVersion(7, "6")));             // stale table version
        Assert.False(await table.UpdateRow(Entry(Silo(3)), etag, read.Version.Next()));       // no such row
        Assert.True(await table.UpdateRow(entry, etag, read.Version.Next()));
        Assert.False(await table.UpdateRow(entry, etag, read.Version.Next().Next()));         // the row etag moved

        var again = await table.ReadRow(Silo(1));
        var (updated, newEtag) = Assert.Single(again.Members);
        Assert.NotEqual(etag, newEtag);
        Assert.Equal(read.Version.Version + 1, again.Version.Version);
        Assert.Equal(SiloStatus.Dead, updated.Status);
        var (suspecter, at) = Assert.Single(updated.SuspectTimes!);
        Assert.Equal((Silo(2), Now.AddSeconds(5)), (suspecter, at));
        Assert.Equal(("host", "silo-1", 30001), (updated.HostName, updated.SiloName, updated.ProxyPort));
    }

    [PostgresFact]
    public async Task The_heartbeat_moves_only_the_alive_time_so_earlier_reads_stay_usable()
    {
        var table = await Table("alive");
        Assert.True(await table.InsertRow(Entry(Silo(1)), (await table.ReadAll()).Version.Next()));
        var read = await table.ReadRow(Silo(1));
        var (entry, etag) = read.Members[0];

        entry.IAmAliveTime = Now.AddMinutes(1);
        await table.UpdateIAmAlive(entry);

        var after = await table.ReadRow(Silo(1));
        Assert.Equal(read.Version, after.Version);
        Assert.Equal(etag, after.Members[0].Item2);
        Assert.Equal(Now.AddMinutes(1), after.Members[0].Item1.IAmAliveTime);
        entry.Status = SiloStatus.ShuttingDown;
        Assert.True(await table.UpdateRow(entry, etag, read.Version.Next()));
    }

    [PostgresFact]
    public async Task Of_eight_silos_writing_the_same_version_exactly_one_wins()
    {
        var table = await Table("race");
        var version = (await table.ReadAll()).Version;

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => table.InsertRow(Entry(Silo(i)), version.Next())));

        Assert.Single(results, r => r);
        Assert.Single((await table.ReadAll()).Members);
    }

    [PostgresFact]
    public async Task Cleanup_removes_only_dead_silos_last_heard_of_before_the_date()
    {
        var table = await Table("cleanup");
        await Add(table, Entry(Silo(1), SiloStatus.Dead, alive: Now.AddHours(-2)));     // defunct
        await Add(table, Entry(Silo(2), SiloStatus.Dead, alive: Now));                  // recently dead
        await Add(table, Entry(Silo(3), SiloStatus.Active, alive: Now.AddHours(-2)));   // silent but not declared dead
        var suspected = Entry(Silo(4), SiloStatus.Dead, alive: Now.AddHours(-2));
        suspected.AddSuspector(Silo(2), Now);                                            // declared dead just now
        await Add(table, suspected);

        await table.CleanupDefunctSiloEntries(Now.AddHours(-1));

        Assert.Equal([Silo(2), Silo(3), Silo(4)], (await table.ReadAll()).Members.Select(m => m.Item1.SiloAddress).Order());
    }

    [PostgresFact]
    public async Task Deleting_a_cluster_leaves_other_clusters_alone()
    {
        var doomed = await Table("doomed");
        var kept = await Table("kept");
        await Add(doomed, Entry(Silo(1)));
        await Add(kept, Entry(Silo(1)));

        await doomed.DeleteMembershipTableEntries("doomed");

        Assert.Empty((await doomed.ReadAll()).Members);
        Assert.Single((await kept.ReadAll()).Members);
    }

    [PostgresFact]
    public async Task An_unreachable_database_is_storage_unavailable_not_a_driver_error()
    {
        var port = FreePorts.Take(1)[0];
        await using var nowhere = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=x;Database=x;Timeout=2");
        var table = new PostgresMembershipTable(nowhere, Options.Create(new ClusterOptions { ClusterId = "gone" }));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.ReadAll());
        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.UpdateIAmAlive(Entry(Silo(1))));
    }

    [PostgresFact]
    public async Task Two_hosts_on_one_database_form_one_cluster_through_it()
    {
        var folder = Directory.CreateTempSubdirectory("accessgrid-membership-").FullName;
        try
        {
            string[] settings = ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={postgres.Process.ConnectionString}", "--Silo:ClusterId=pair"];
            var key = Path.Combine(folder, "admin.key");
            await using var first = await SiloHost.StartAsync("UseDevelopmentStorage=true", key, settings: settings);
            await using var second = await SiloHost.StartAsync("UseDevelopmentStorage=true", key, settings: settings);
            using var admin = second.Api(second.AdminKey);
            await admin.CreateDoor("pair-door", "Pair", "lobby");

            var members = (await (await Table("pair")).ReadAll()).Members.Select(m => m.Item1).ToList();
            Assert.Equal(2, members.Count(m => m.Status == SiloStatus.Active));
            using var other = first.Api(first.AdminKey);
            Assert.Equal("Pair", (await other.GetDoor("pair-door")).Name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task Add(PostgresMembershipTable table, MembershipEntry entry) =>
        Assert.True(await table.InsertRow(entry, (await table.ReadAll()).Version.Next()));

    private static SiloAddress Silo(int n) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11110 + n), 100 + n);

    private static MembershipEntry Entry(SiloAddress silo, SiloStatus status = SiloStatus.Active, DateTime? alive = null) => new()
    {
        SiloAddress = silo,
        Status = status,
        HostName = "host",
        SiloName = $"silo-{silo.Endpoint.Port - 11110}",
        ProxyPort = 30000 + silo.Endpoint.Port - 11110,
        StartTime = alive ?? Now,
        IAmAliveTime = alive ?? Now,
        SuspectTimes = [],
    };
}
