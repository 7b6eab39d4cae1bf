using System.Net;
using System.Net.Http.Headers;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.TestSupport;
using SkiaSharp;

namespace AccessGrid.Gateway.Tests;

/// <summary>Bursts over HTTP: multipart/form-data with 1–60 parts named frame. Every malformed burst is a 4xx with a
/// reason and leaves no decision in the audit; a burst whose frames merely show no face is an audited denial.</summary>
[Collection(GatewayCollection.Name)]
public sealed class BurstTests(GatewayFixture fixture)
{
    public static TheoryData<string, int, string> BadBursts => new()
    {
        { "no_frames", 400, "no_frames" },
        { "61_frames", 400, "too_many_frames" },
        { "text_frame", 400, "not_an_image" },
        { "empty_frame", 400, "empty_image" },
        { "gif_part_type", 415, "unsupported_media_type" },
        { "wrong_part_name", 400, "unknown_part" },
        { "bad_interval", 400, "invalid_frame_interval" },
        { "mixed_sizes", 400, "mixed_frame_sizes" },
        { "no_boundary", 400, "malformed_burst" },
        { "truncated", 400, "malformed_burst" },
    };

    [Theory]
    [MemberData(nameof(BadBursts))]
    public async Task A_bad_burst_is_a_problem_with_a_reason_and_is_not_audited(string burst, int status, string reason)
    {
        var door = TestIds.New("burst");
        await fixture.Admin.CreateDoor(door, liveness: "passive");
        var frame = Blank(320, 240);
        HttpContent content = burst switch
        {
            "no_frames" => Multipart(("frameIntervalMs", Text("100"))),
            "61_frames" => Multipart([.. Enumerable.Repeat(("frame", Jpeg(frame)), 61)]),
            "text_frame" => Multipart(("frame", Jpeg(frame)), ("frame", Bytes("hello"u8.ToArray(), null))),
            "empty_frame" => Multipart(("frame", Bytes([], "image/jpeg"))),
            "gif_part_type" => Multipart(("frame", Bytes(frame, "image/gif"))),
            "wrong_part_name" => Multipart(("image", Jpeg(frame))),
            "bad_interval" => Multipart(("frame", Jpeg(frame)), ("frameIntervalMs", Text("soon"))),
            "mixed_sizes" => Multipart(("frame", Jpeg(frame)), ("frame", Jpeg(Blank(640, 480)))),
            "no_boundary" => Raw("multipart/form-data", "--x\r\n"u8.ToArray()),
            "truncated" => Raw("multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"frame\"\r\nContent-Type: image/jpeg\r\n\r\nabc"u8.ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(burst)),
        };

        var response = await fixture.Admin.PostAsync($"/api/doors/{door}/access", content);

        await response.ShouldBeProblem((HttpStatusCode)status, reason);
        Assert.DoesNotContain(await Decisions(door), e => e.Kind == AuditKind.Decision);
    }

    [Fact]
    public async Task More_than_ten_megabytes_of_frames_is_413()
    {
        var door = TestIds.New("burst");
        await fixture.Admin.CreateDoor(door);
        var big = new byte[3_600_000]; // 10.8 MB in all: under the server's body limit, over the 10 MB of frames
        big[0] = 0xFF; big[1] = 0xD8; big[2] = 0xFF;
        var content = Multipart(("frame", Jpeg(big)), ("frame", Jpeg(big)), ("frame", Jpeg(big)));

        await (await fixture.Admin.PostAsync($"/api/doors/{door}/access", content)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "image_too_large");
    }

    [Fact]
    public async Task A_burst_without_a_face_is_an_audited_no_face_denial()
    {
        var door = TestIds.New("burst");
        await fixture.Admin.CreateDoor(door, liveness: "passive");
        var blank = Blank(320, 240);

        var decision = await Send(door, Multipart(("frame", Jpeg(blank)), ("frame", Jpeg(blank)), ("frameIntervalMs", Text("100"))));

        Assert.Equal((DecisionOutcome.Denied, DecisionReason.NoFace), (decision.Outcome, decision.Reason));
        Assert.Contains(await Decisions(door), e => e.EventId == decision.EventId);
    }

    [Fact]
    public async Task A_burst_of_an_enrolled_person_is_identified_and_verified_like_a_single_frame()
    {
        var (door, staff) = (TestIds.New("burst"), TestIds.New("person"));
        await fixture.Admin.CreateDoor(door); // liveness off: face-api samples are not camera frames
        await fixture.Admin.CreateStaff(staff, "Sample Two");
        try
        {
            await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", TestImages.Sample(2))).ShouldBe(HttpStatusCode.Created);
            await fixture.Admin.Grant(staff, door);
            var frame = TestImages.Rescaled(TestImages.Sample(2), 0.6f, quality: 80);
            var frames = Enumerable.Range(0, 4).Select(i => TestImages.Rescaled(TestImages.Sample(2), 0.6f, quality: 70 + 5 * i)).ToArray();

            var single = await fixture.Admin.Access(door, frame);
            var burst = await Client().AccessBurst(door, frames, frameIntervalMs: 100);
            var verified = await Send(door, Multipart([.. frames.Select(f => ("frame", Jpeg(f)))]), $"/verify?staffId={staff}");

            Assert.Equal((DecisionReason.Identified, staff), (single.Reason, single.StaffId));
            Assert.Equal((DecisionReason.Identified, staff, 1), (burst.Reason, burst.StaffId, burst.Faces));
            Assert.Equal(DecisionReason.Verified, verified.Reason);
            Assert.Equal(LivenessOutcome.NotChecked, burst.Liveness!.Verdict);
            Assert.InRange(burst.Distance!.Value, 0f, single.Distance!.Value + 0.05f);
        }
        finally
        {
            await fixture.Admin.Erase(staff);
        }
    }

    [Fact]
    public async Task A_passive_door_reports_the_measured_liveness_and_decides_by_it()
    {
        var door = TestIds.New("burst");
        await fixture.Admin.CreateDoor(door, liveness: "passive");
        var frames = Enumerable.Range(0, 3).Select(i => TestImages.Rescaled(TestImages.Sample(2), 0.6f, quality: 70 + 5 * i)).ToArray();

        var decision = await Client().AccessBurst(door, frames);

        // Nobody is granted this new door; whatever the model thinks of a still, the verdict and the reason agree.
        var liveness = decision.Liveness!;
        Assert.NotEqual(LivenessOutcome.NotChecked, liveness.Verdict);
        DecisionReason[] expected = liveness.Verdict switch
        {
            LivenessOutcome.Spoof => [DecisionReason.SpoofSuspected],
            LivenessOutcome.Undecidable => [DecisionReason.LivenessUnproven],
            _ => [DecisionReason.UnknownFace, DecisionReason.NoGrant],
        };
        Assert.Contains(decision.Reason, expected);
        Assert.InRange(liveness.Frames, liveness.Score is null ? 0 : 1, 3);
    }

    [SharedDataFact]
    public async Task On_nuaa_a_live_session_is_granted_and_a_printed_photo_session_is_denied()
    {
        var (door, staff) = (TestIds.New("nuaa"), TestIds.New("nuaa-person"));
        await fixture.Admin.CreateDoor(door, liveness: "passive");
        await fixture.Admin.CreateStaff(staff, "Subject Two");
        try
        {
            var live = NuaaSessions.Frames("live", "0002_01_00_01");
            await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", live[0])).ShouldBe(HttpStatusCode.Created);
            await fixture.Admin.Grant(staff, door);
            // The admin's answer carries the liveness evidence (a reader's view has none: no oracle to climb on).
            var reader = Api.Typed(fixture.Admin);

            var granted = await reader.AccessBurst(door, live[20..35], frameIntervalMs: 130);
            var printed = await reader.AccessBurst(door, NuaaSessions.Frames("spoof", "0002_01_01_02")[..15], frameIntervalMs: 130);

            Assert.Equal((DecisionReason.Identified, staff, LivenessOutcome.Live), (granted.Reason, granted.StaffId, granted.Liveness!.Verdict));
            Assert.Contains(printed.Reason, new[] { DecisionReason.SpoofSuspected, DecisionReason.LivenessUnproven });
            Assert.Null(printed.StaffId);
        }
        finally
        {
            await fixture.Admin.Erase(staff);
        }
    }

    private Client.AccessGridClient Client() => Api.Typed(fixture.Admin);

    private async Task<Decision> Send(string door, HttpContent content, string path = "/access") =>
        await (await fixture.Admin.PostAsync($"/api/doors/{door}{path}", content)).Read<Decision>();

    private async Task<AuditEntry[]> Decisions(string door) =>
        await (await fixture.Admin.GetAsync($"/api/events?doorId={door}")).Read<AuditEntry[]>();

    private static byte[] Blank(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(128, 128, 128));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    private static MultipartFormDataContent Multipart(params (string Name, HttpContent Content)[] parts)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, part) in parts) content.Add(part, name);
        return content;
    }

    private static HttpContent Jpeg(byte[] bytes) => Bytes(bytes, "image/jpeg");

    private static HttpContent Bytes(byte[] bytes, string? type)
    {
        var content = new ByteArrayContent(bytes);
        if (type is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private static HttpContent Text(string text) => new StringContent(text);

    private static HttpContent Raw(string type, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }
}
