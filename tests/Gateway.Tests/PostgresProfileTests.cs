using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.Grains.Postgres;
using AccessGrid.LocalRun;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;

namespace AccessGrid.Gateway.Tests;

/// <summary>The PostgreSQL storage profile on a private cluster: a host keeps its doors, people and audit across a
/// restart, the chain verifies and a tampered entry row is found, archival works, stale ETags are refused, and a wrong
/// connection string stops the silo naming the setting.</summary>
public sealed class PostgresProfileTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accessgrid-postgres-tests-").FullName;
    // One cluster per test: the tests below read, tamper with and archive the whole audit.
    private readonly PrivatePostgres _postgres = new();

    private PostgresProcess Postgres => _postgres.Process;
    private NpgsqlDataSource Database => _postgres.Database;

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<SiloHost> Host() => SiloHost.StartAsync("UseDevelopmentStorage=true", Path.Combine(_folder, "admin.key"),
        settings: ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={Postgres.ConnectionString}"]);

    [PostgresFact]
    public async Task A_host_on_postgres_keeps_doors_people_and_an_intact_audit_across_a_restart()
    {
        await using (var first = await Host())
        {
            using var admin = first.Api(first.AdminKey);
            await admin.CreateDoor("pg-door", "Front", "lobby");
            await admin.CreateStaff("pg-ada", "Ada");
            await admin.GrantDoor("pg-ada", "pg-door");
        }
        await using var second = await Host();
        using var again = second.Api(second.AdminKey);

        Assert.Equal("Front", (await again.GetDoor("pg-door")).Name);
        Assert.Single((await again.GetStaff("pg-ada")).Grants);
        var events = await again.Events(new AuditQuery(StaffId: "pg-ada"));
        Assert.Contains(events, e => e.Action == "grant.set");
        using var http = second.Client(second.AdminKey);
        var report = await (await http.GetAsync("/api/audit/verify")).Read<AuditVerification>();
        Assert.True(report.Intact, report.FirstBreak?.Problem);
        Assert.True(report.Entries >= 4, $"{report.Entries} entries");

        await using (var edit = Database.CreateCommand("update audit_entry set entry = jsonb_set(entry, '{Detail}', '\"forged\"') where sequence = 1"))
            Assert.True(await edit.ExecuteNonQueryAsync() >= 1);
        var broken = await (await http.GetAsync("/api/audit/verify")).Read<AuditVerification>();
        Assert.False(broken.Intact);
    }

    [PostgresFact]
    public async Task Archived_days_move_out_of_the_entry_table_and_still_verify_and_answer_queries()
    {
        var store = new PostgresAuditStore(Database);
        var archive = new PostgresAuditArchive(Database);
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
        var head = new AuditChainHead(AuditChain.Of(yesterday), 0, AuditChain.Genesis, null);
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 3; i++)
        {
            var entry = AuditChain.Seal(new AuditEntry($"pg-{i}", yesterday.AddMinutes(-i), AuditKind.Change, "test.note", "door-1", "ada",
                $"note {i}", null, AuditActor.System), head);
            head = AuditChain.Advance(head, entry);
            entries.Add(entry);
        }
        await store.Append(entries, head);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => store.Append([entries[0]], head with { Count = 1 })); // a second writer
        var retention = new AuditRetention();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1));

        Assert.Equal([head.Chain], (await new AuditArchiver(store, archive, retention, clock).Run()).Archived);

        Assert.Empty(await store.ReadRows(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        var verified = await new AuditVerifier(store, clock, archive, retention).Verify();
        Assert.True(verified.Intact, verified.FirstBreak?.Problem);
        Assert.Equal(3, verified.Entries);
        Assert.Equal(3, (await AuditReader.Query(store, archive, new AuditQuery(DoorId: "door-1", Kind: AuditKind.Change))).Length);
    }

    [PostgresFact]
    public async Task A_stale_version_is_refused_like_a_stale_etag()
    {
        await using var host = await Host(); // for the silo's own grain-state serializer
        var storage = new PostgresGrainStorage("test", Database, host.Services.GetRequiredService<IGrainStorageSerializer>());
        var id = GrainId.Create("test", "etag");
        var first = new GrainState<StaffState>(new StaffState { Name = "one" });
        await storage.WriteStateAsync("s", id, first);
        var stale = new GrainState<StaffState>(new StaffState());
        await storage.ReadStateAsync("s", id, stale);
        await storage.WriteStateAsync("s", id, first);

        stale.State!.Name = "two";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", id, stale));
        var read = new GrainState<StaffState>(new StaffState());
        await storage.ReadStateAsync("s", id, read);
        Assert.Equal("one", read.State!.Name);
    }

    [PostgresFact]
    public async Task An_unreachable_database_stops_the_silo_naming_the_setting()
    {
        var port = FreePorts.Take(1)[0];
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => SiloHost.StartAsync("UseDevelopmentStorage=true", Path.Combine(_folder, "admin.key"),
            settings: ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres=Host=127.0.0.1;Port={port};Username=x;Database=x;Timeout=2"]));
        var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains("ConnectionStrings:Postgres", messages);
    }

    [PostgresFact]
    public async Task A_missing_database_or_schema_or_a_newer_schema_stops_the_silo_naming_the_setting()
    {
        await using (var create = Database.CreateCommand("create database newer"))
            await create.ExecuteNonQueryAsync();
        var newer = new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = "newer" }.ConnectionString;
        await using (var future = NpgsqlDataSource.Create(newer))
        {
            await PostgresSchema.Migrate(future);
            await using var step = future.CreateCommand($"insert into accessgrid_schema (version) values ({PostgresSchema.Latest + 1})");
            await step.ExecuteNonQueryAsync();
        }
        string[] wrong =
        [
            new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = "nosuchdatabase" }.ConnectionString,
            new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { SearchPath = "nosuchschema" }.ConnectionString,
            newer,
        ];
        foreach (var connectionString in wrong)
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => SiloHost.StartAsync("UseDevelopmentStorage=true", Path.Combine(_folder, "admin.key"),
                settings: ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={connectionString}"]));
            var line = Silo.StartupFailure.Explain(failure);
            Assert.NotNull(line);
            Assert.Contains("ConnectionStrings:Postgres", line);
        }
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }
}
