using System.Net;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;

namespace AccessGrid.Gateway.Tests;

/// <summary>Enrollment and door decisions with real photographs (the face-api demo pictures): sample2 shows one
/// person, sample1 three, sample5 five. A rescaled, re-encoded copy of sample2 stands in for a later camera frame.
/// Each test erases the people it enrolled, so the shared gallery never holds the same face twice.</summary>
[Collection(GatewayCollection.Name)]
public sealed class FaceFlowTests(GatewayFixture fixture)
{
    private static byte[] Portrait => TestImages.Sample(2);
    private static byte[] LaterFrame => TestImages.Rescaled(TestImages.Sample(2), 0.6f, quality: 80);

    [Fact]
    public async Task An_enrolled_and_granted_person_is_identified_and_let_in()
    {
        var (door, staff) = (TestIds.New("door"), TestIds.New("person"));
        await fixture.Admin.CreateDoor(door);
        await fixture.Admin.CreateStaff(staff, "Sample Two");
        try
        {
            var enrolled = await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", Portrait)).Read<EnrollmentResult>(HttpStatusCode.Created);
            Assert.NotNull(enrolled.Template);
            Assert.Equal(1, enrolled.TemplateCount);
            Assert.Single((await (await fixture.Admin.GetAsync($"/api/staff/{staff}")).Read<StaffProfile>()).Templates);

            var beforeGrant = await fixture.Admin.Access(door, LaterFrame);
            Assert.Equal((DecisionOutcome.Denied, DecisionReason.NoGrant, staff), (beforeGrant.Outcome, beforeGrant.Reason, beforeGrant.StaffId));

            await fixture.Admin.Grant(staff, door);
            using var reader = fixture.Client(await fixture.Admin.CreateKey("reader", door));
            // A reader gets no score to climb on: no distance in its answer.
            var answer = await (await reader.PostImage($"/api/doors/{door}/access", LaterFrame)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("distance", answer);
            var decision = System.Text.Json.JsonSerializer.Deserialize<Decision>(answer, AccessGrid.Client.ApiJson.Options)!;
            Assert.Equal((DecisionOutcome.Granted, DecisionReason.Identified, staff, "Sample Two", door),
                (decision.Outcome, decision.Reason, decision.StaffId, decision.Name, decision.DoorId));
            Assert.False(string.IsNullOrEmpty(decision.EventId));
            // The audit (guards, admins) keeps the distance; the name is the person's current one, read from the staff grain.
            var audited = (await (await fixture.Admin.GetAsync($"/api/events?doorId={door}&kind=decision&limit=1")).Read<AuditEntry[]>())[0].Decision!;
            Assert.Equal(decision.EventId, audited.EventId);
            Assert.InRange(audited.Distance!.Value, 0f, 0.35f);
            Assert.True(audited.LatencyMs > 0);
            Assert.Equal((1, "Sample Two"), (audited.Faces, audited.Name));

            var verified = await reader.Verify(door, staff, LaterFrame);
            Assert.Equal((DecisionOutcome.Granted, DecisionReason.Verified), (verified.Outcome, verified.Reason));

            var events = await (await fixture.Admin.GetAsync($"/api/events?doorId={door}&kind=decision&limit=10")).Read<AuditEntry[]>();
            Assert.Equal([verified.EventId, decision.EventId, beforeGrant.EventId], events.Select(e => e.EventId));
            Assert.Equal(DecisionOutcome.Granted, events[1].Decision!.Outcome);
        }
        finally
        {
            await fixture.Admin.Erase(staff);
        }
    }

    [Fact]
    public async Task A_revoked_grant_denies_the_very_next_frame_and_suspension_denies_at_once()
    {
        var (door, staff) = (TestIds.New("door"), TestIds.New("person"));
        await fixture.Admin.CreateDoor(door);
        await fixture.Admin.CreateStaff(staff);
        try
        {
            await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", Portrait)).ShouldBe(HttpStatusCode.Created);
            await fixture.Admin.Grant(staff, door);
            var frame = LaterFrame;
            Assert.Equal(DecisionOutcome.Granted, (await fixture.Admin.Access(door, frame)).Outcome);

            await (await fixture.Admin.DeleteAsync($"/api/staff/{staff}/grants/{door}")).ShouldBe(HttpStatusCode.NoContent);
            var afterRevoke = await fixture.Admin.Access(door, frame);
            Assert.Equal((DecisionOutcome.Denied, DecisionReason.NoGrant), (afterRevoke.Outcome, afterRevoke.Reason));

            await fixture.Admin.Grant(staff, door);
            Assert.Equal(DecisionOutcome.Granted, (await fixture.Admin.Access(door, frame)).Outcome);
            await (await fixture.Admin.PatchAsync($"/api/staff/{staff}", System.Net.Http.Json.JsonContent.Create(new { status = "suspended" }))).ShouldBe(HttpStatusCode.OK);
            var suspended = await fixture.Admin.Access(door, frame);
            Assert.Equal((DecisionOutcome.Denied, DecisionReason.Suspended), (suspended.Outcome, suspended.Reason));
        }
        finally
        {
            await fixture.Admin.Erase(staff);
        }
    }

    [Fact]
    public async Task A_visitor_pass_opens_only_its_number_of_times()
    {
        var (door, staff) = (TestIds.New("door"), TestIds.New("visitor"));
        await fixture.Admin.CreateDoor(door);
        await fixture.Admin.CreateStaff(staff);
        try
        {
            await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", Portrait)).ShouldBe(HttpStatusCode.Created);
            await (await fixture.Admin.PutJson($"/api/staff/{staff}/grants/{door}", new { maxUses = 2 })).ShouldBe(HttpStatusCode.NoContent);
            var frame = LaterFrame;
            Assert.Equal(DecisionOutcome.Granted, (await fixture.Admin.Access(door, frame)).Outcome);
            Assert.Equal(DecisionOutcome.Granted, (await fixture.Admin.Access(door, frame)).Outcome);
            var third = await fixture.Admin.Access(door, frame);
            Assert.Equal((DecisionOutcome.Denied, DecisionReason.PassUsedUp), (third.Outcome, third.Reason));
        }
        finally
        {
            await fixture.Admin.Erase(staff);
        }
    }

    [Fact]
    public async Task The_same_face_cannot_be_enrolled_as_someone_else()
    {
        var (first, second) = (TestIds.New("first"), TestIds.New("second"));
        await fixture.Admin.CreateStaff(first);
        await fixture.Admin.CreateStaff(second);
        try
        {
            await (await fixture.Admin.PostImage($"/api/staff/{first}/faces", Portrait)).ShouldBe(HttpStatusCode.Created);
            await (await fixture.Admin.PostImage($"/api/staff/{second}/faces", LaterFrame))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "already_enrolled_as_other");
            Assert.Empty((await (await fixture.Admin.GetAsync($"/api/staff/{second}")).Read<StaffProfile>()).Templates);
        }
        finally
        {
            await fixture.Admin.Erase(first, second);
        }
    }

    [Fact]
    public async Task A_group_photo_is_refused_for_enrollment_and_its_faces_are_counted_at_the_door()
    {
        var (door, staff) = (TestIds.New("door"), TestIds.New("group"));
        await fixture.Admin.CreateDoor(door);
        await fixture.Admin.CreateStaff(staff);
        try
        {
            await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", TestImages.Sample(1)))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "several_faces");
            var crowd = await fixture.Admin.Access(door, TestImages.Sample(5));
            Assert.True(crowd.Faces > 1, $"sample5 shows five people; the decision counted {crowd.Faces}");
            Assert.Equal(DecisionOutcome.Denied, crowd.Outcome);
        }
        finally
        {
            await fixture.Admin.Erase(staff);
        }
    }

    [Fact]
    public async Task Erasing_a_person_removes_their_face_from_every_decision()
    {
        var (door, staff, other) = (TestIds.New("door"), TestIds.New("erased"), TestIds.New("other"));
        await fixture.Admin.CreateDoor(door);
        await fixture.Admin.CreateStaff(staff);
        await fixture.Admin.CreateStaff(other);
        try
        {
            await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", Portrait)).ShouldBe(HttpStatusCode.Created);
            await fixture.Admin.Grant(staff, door);
            var frame = LaterFrame;
            Assert.Equal(DecisionOutcome.Granted, (await fixture.Admin.Access(door, frame)).Outcome);

            await (await fixture.Admin.DeleteAsync($"/api/staff/{staff}")).ShouldBe(HttpStatusCode.NoContent);

            var stranger = await fixture.Admin.Access(door, frame);
            Assert.Equal((DecisionOutcome.Denied, DecisionReason.UnknownFace), (stranger.Outcome, stranger.Reason));
            var claim = await fixture.Admin.Verify(door, staff, frame); // an erased id is denied, not 404: no existence oracle
            Assert.Equal((DecisionOutcome.Denied, DecisionReason.NotClaimedPerson), (claim.Outcome, claim.Reason));
            // The index forgot the face: it can now be enrolled for someone else.
            await (await fixture.Admin.PostImage($"/api/staff/{other}/faces", Portrait)).ShouldBe(HttpStatusCode.Created);
            // The audit keeps the id of the erased person.
            var history = await (await fixture.Admin.GetAsync($"/api/events?staffId={staff}")).Read<AuditEntry[]>();
            Assert.Contains(history, e => e.Kind == AuditKind.Decision);
        }
        finally
        {
            await fixture.Admin.Erase(staff, other);
        }
    }

    [Fact]
    public async Task A_door_accepts_only_the_recognition_modes_it_is_configured_for()
    {
        var (verifyOnly, identifyOnly, staff) = (TestIds.New("vdoor"), TestIds.New("idoor"), TestIds.New("person"));
        await fixture.Admin.CreateDoor(verifyOnly, mode: "verify");
        await fixture.Admin.CreateDoor(identifyOnly, mode: "identify");
        await fixture.Admin.CreateStaff(staff);
        try
        {
            await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", Portrait)).ShouldBe(HttpStatusCode.Created);
            await fixture.Admin.Grant(staff, verifyOnly);
            await fixture.Admin.Grant(staff, identifyOnly);
            var frame = LaterFrame;

            Assert.Equal(DecisionReason.ModeNotAllowed, (await fixture.Admin.Access(verifyOnly, frame)).Reason);
            Assert.Equal(DecisionReason.Verified, (await fixture.Admin.Verify(verifyOnly, staff, frame)).Reason);
            Assert.Equal(DecisionReason.ModeNotAllowed, (await fixture.Admin.Verify(identifyOnly, staff, frame)).Reason);
            Assert.Equal(DecisionReason.Identified, (await fixture.Admin.Access(identifyOnly, frame)).Reason);
        }
        finally
        {
            await fixture.Admin.Erase(staff);
        }
    }

    [Fact]
    public async Task Verifying_against_a_person_without_a_template_is_denied_not_enrolled()
    {
        var (door, staff) = (TestIds.New("door"), TestIds.New("faceless"));
        await fixture.Admin.CreateDoor(door);
        await fixture.Admin.CreateStaff(staff);
        try
        {
            await fixture.Admin.Grant(staff, door);
            var decision = await fixture.Admin.Verify(door, staff, LaterFrame);
            Assert.Equal((DecisionOutcome.Denied, DecisionReason.NotEnrolled, staff), (decision.Outcome, decision.Reason, decision.StaffId));
        }
        finally
        {
            await fixture.Admin.Erase(staff);
        }
    }
}
