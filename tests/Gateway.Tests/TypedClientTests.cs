using System.Net;
using AccessGrid.Client;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;

namespace AccessGrid.Gateway.Tests;

/// <summary>The shared typed client (src/Client) against a real host: typed answers, and every ProblemDetails answer
/// as an <see cref="AccessGridApiException"/> carrying the status and the reason.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TypedClientTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Problems_surface_as_exceptions_with_status_and_reason()
    {
        using var admin = fixture.Host.Api(fixture.Host.AdminKey);
        var missing = await Assert.ThrowsAsync<AccessGridApiException>(() => admin.GetDoor(TestIds.New("nowhere")));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("unknown_door", missing.Reason);
        Assert.False(string.IsNullOrWhiteSpace(missing.Detail));

        using var stranger = fixture.Host.Api("agk_not-a-real-key");
        var refused = await Assert.ThrowsAsync<AccessGridApiException>(() => stranger.ListDoors());
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_api_key"), (refused.Status, refused.Reason));
    }

    [Fact]
    public async Task Every_matching_id_is_enumerated_by_cursor_and_found_by_person_in_the_events()
    {
        using var admin = fixture.Host.Api(fixture.Host.AdminKey);
        var prefix = TestIds.New("enum");
        var ids = Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}").ToArray();
        foreach (var id in ids) await admin.CreateStaff(id, $"Enumerated {prefix[5..]}");

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await admin.ListStaff(prefix, limit: 2, cursor: cursor);
            Assert.Equal(5, page.Total);
            seen.AddRange(page.Items.Select(p => p.Id));
            cursor = page.Next;
        } while (cursor is not null);
        Assert.Equal(ids, seen);

        var events = await admin.Events(new AuditQuery(Person: $"enumerated {prefix[5..]}", Kind: AuditKind.Change));
        Assert.Equal(ids, events.Where(e => e.Action == "staff.created").Select(e => e.StaffId!).Order(StringComparer.Ordinal));
        foreach (var id in ids) await admin.EraseStaff(id);
    }

    [Fact]
    public async Task A_door_a_reader_key_and_the_audit_trail_round_trip_as_typed_records()
    {
        using var admin = fixture.Host.Api(fixture.Host.AdminKey);
        var door = TestIds.New("typed");
        var created = await admin.CreateDoor(door, "Typed door", "typed", DoorMode.Identify, LivenessPolicy.Off);
        Assert.Equal((door, DoorMode.Identify, LivenessPolicy.Off), (created.Id, created.Mode, created.Liveness));

        var key = await admin.CreateKey(ApiRole.Reader, door);
        Assert.Equal((ApiRole.Reader, door), (key.Role, key.DoorId));
        var reader = admin.WithKey(key.Key);
        var decision = await reader.Access(door, TestImages.Sample(2));
        // Nobody holds a grant for a new door (the face may or may not be enrolled by another test meanwhile).
        Assert.Equal(DecisionOutcome.Denied, decision.Outcome);
        Assert.Contains(decision.Reason, new[] { DecisionReason.UnknownFace, DecisionReason.NoGrant });

        var events = await admin.Events(new AuditQuery(door, Kind: AuditKind.Decision));
        Assert.Contains(events, e => e.EventId == decision.EventId);
        var other = await Assert.ThrowsAsync<AccessGridApiException>(() => reader.Access(TestIds.New("other"), TestImages.Sample(2)));
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
    }
}
