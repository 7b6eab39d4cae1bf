using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.LocalRun;
using AccessGrid.TestSupport;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;

namespace AccessGrid.Gateway.Tests;

/// <summary>The audit chain as Azure Table rows in a private Azurite: two day chains with their index copies are
/// written as the chain writer writes them, then every stored row (copies and heads included) is edited, deleted and
/// swapped with its neighbour in turn, each directly in the table; the check must find every one.</summary>
public sealed class AuditTableTamperTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;
    private TableClient _table = null!;
    private TableAuditStore _store = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(RepoPaths.RepositoryRoot);
        _table = new TableClient(_azurite.ConnectionString, "AuditTamper");
        _store = new TableAuditStore(_table);
        var now = DateTimeOffset.UtcNow;
        foreach (var day in new[] { now.AddDays(-1), now })
        {
            var head = new AuditChainHead(AuditChain.Of(day), 0, AuditChain.Genesis, day < now ? null : AuditChain.Of(now.AddDays(-1)));
            for (var batch = 0; batch < 2; batch++)
            {
                var entries = new List<AuditEntry>();
                for (var i = 0; i < 2; i++)
                {
                    var entry = AuditChain.Seal(new AuditEntry(Guid.NewGuid().ToString("N"), day.AddMilliseconds(-(batch * 2 + i)), AuditKind.Change,
                        "test.note", "door-1", i == 0 ? "staff-1" : null, $"note {batch}.{i}", null, AuditActor.System), head);
                    head = AuditChain.Advance(head, entry);
                    entries.Add(entry);
                }
                await _store.Append(entries, head);
            }
        }
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Every_single_row_edit_deletion_and_swap_in_Table_storage_is_found()
    {
        var intact = await Verify();
        Assert.True(intact.Intact, intact.FirstBreak?.Problem);
        Assert.Equal((2, 8L), (intact.Chains, intact.Entries));

        var rows = await AllRows();
        Assert.Equal(8 + 8 + 4 + 2, rows.Count); // chain rows, door copies, staff copies, heads
        var checks = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var edited = new TableEntity(row);
            if (edited.GetString("Entry") is { } json) edited["Entry"] = json.Replace("note ", "n0te ", StringComparison.Ordinal);
            else edited["LastHash"] = new string('f', 64);
            await Tampered($"edit of {Name(row)}", () => _table.UpsertEntityAsync(edited, TableUpdateMode.Replace), () => _table.UpsertEntityAsync(row, TableUpdateMode.Replace));
            await Tampered($"deletion of {Name(row)}", () => _table.DeleteEntityAsync(row.PartitionKey, row.RowKey), () => _table.UpsertEntityAsync(row, TableUpdateMode.Replace));
            checks += 2;

            if (i + 1 < rows.Count && rows[i + 1].PartitionKey == row.PartitionKey && row.ContainsKey("Entry") && rows[i + 1].ContainsKey("Entry"))
            {
                var next = rows[i + 1];
                TableEntity a = new(row) { ["Entry"] = next["Entry"] }, b = new(next) { ["Entry"] = row["Entry"] };
                await Tampered($"swap of {Name(row)} and {Name(next)}",
                    async () => { await _table.UpsertEntityAsync(a, TableUpdateMode.Replace); await _table.UpsertEntityAsync(b, TableUpdateMode.Replace); },
                    async () => { await _table.UpsertEntityAsync(row, TableUpdateMode.Replace); await _table.UpsertEntityAsync(next, TableUpdateMode.Replace); });
                checks++;
            }
        }
        Assert.True(checks > 50, $"{checks} tamperings tried");
        Assert.True((await Verify()).Intact);
    }

    [Fact]
    public async Task A_copy_left_by_an_interrupted_write_is_an_orphan_not_a_break()
    {
        var head = (await _store.ReadHeads()).Single(h => h.Chain == AuditChain.Of(DateTimeOffset.UtcNow));
        var lost = AuditChain.Seal(new AuditEntry(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddMinutes(-1), AuditKind.Change,
            "test.note", "door-1", null, "never chained", null, AuditActor.System), head with { Count = head.Count - 1 });
        var json = System.Text.Json.JsonSerializer.Serialize(lost);
        var rowKey = $"{DateTimeOffset.MaxValue.UtcTicks - lost.Timestamp.UtcTicks:D19}|{lost.EventId}";
        await _table.AddEntityAsync(new TableEntity("door|door-1", rowKey) { ["Entry"] = json });

        var report = await Verify();

        Assert.True(report.Intact, report.FirstBreak?.Problem);
        Assert.Equal(1, report.Orphans);
    }

    [Fact]
    public async Task Archived_days_leave_only_their_head_in_the_table_and_verify_from_the_blob()
    {
        var archive = new BlobAuditArchive(new BlobContainerClient(_azurite.ConnectionString, "audit-archive-test"));
        var retention = new AuditRetention { RetentionDays = 90 };
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1));

        var report = await new AuditArchiver(_store, archive, retention, clock).Run();

        var yesterday = AuditChain.Of(DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Equal([yesterday], report.Archived);
        Assert.Equal(4 + 4 + 2 + 2, (await AllRows()).Count); // today's rows and copies, both heads
        var verified = await new AuditVerifier(_store, clock, archive, retention).Verify();
        Assert.True(verified.Intact, verified.FirstBreak?.Problem);
        Assert.Equal((2, 8L), (verified.Chains, verified.Entries));
        Assert.Equal(8, (await AuditReader.Query(_store, archive, new AuditQuery(DoorId: "door-1"))).Length);
        Assert.Equal(4, (await AuditReader.Query(_store, archive, new AuditQuery(StaffId: "staff-1"))).Length);

        clock.Advance(TimeSpan.FromDays(100));
        var expired = await new AuditArchiver(_store, archive, retention, clock).Run();

        Assert.Equal(2, expired.Expired.Length);
        Assert.Empty(await AllRows());
        Assert.Empty(await archive.Days());
        Assert.True((await new AuditVerifier(_store, clock, archive, retention).Verify()).Intact);
    }

    private async Task Tampered(string what, Func<Task> tamper, Func<Task> restore)
    {
        await tamper();
        var report = await Verify();
        Assert.False(report.Intact, $"{what} went unnoticed");
        await restore();
    }

    private Task<AuditVerification> Verify() => new AuditVerifier(_store, TimeProvider.System).Verify();

    private async Task<List<TableEntity>> AllRows()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }

    private static string Name(TableEntity row) => $"{row.PartitionKey}/{row.RowKey}";
}
