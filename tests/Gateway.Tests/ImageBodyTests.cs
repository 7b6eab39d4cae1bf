using System.Net;
using System.Net.Http.Headers;
using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;

namespace AccessGrid.Gateway.Tests;

/// <summary>Image bodies: JPEG, PNG or WebP, at most 10 MB; anything else is a 4xx with a reason and writes nothing.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ImageBodyTests(GatewayFixture fixture)
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("image/gif")]
    public async Task Other_content_types_are_415(string contentType)
    {
        var door = TestIds.New("door");
        await fixture.Admin.CreateDoor(door);
        var content = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        await (await fixture.Admin.PostAsync($"/api/doors/{door}/access", content)).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task A_missing_content_type_is_415()
    {
        var staff = TestIds.New("staff");
        await fixture.Admin.CreateStaff(staff);
        var content = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]);
        await (await fixture.Admin.PostAsync($"/api/staff/{staff}/faces", content)).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await fixture.Admin.Erase(staff);
    }

    [Fact]
    public async Task More_than_ten_megabytes_is_413_with_or_without_a_content_length()
    {
        var door = TestIds.New("door");
        await fixture.Admin.CreateDoor(door);
        var body = new byte[TenMegabytes + 1];
        body[0] = 0xFF; body[1] = 0xD8; body[2] = 0xFF;

        await (await fixture.Admin.PostImage($"/api/doors/{door}/access", body)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "image_too_large");

        // Chunked: no Content-Length, so the limit is enforced while reading.
        var chunked = new StreamContent(new MemoryStream(body));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/doors/{door}/access") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await (await fixture.Admin.SendAsync(request)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "image_too_large");

        var decisions = await (await fixture.Admin.GetAsync($"/api/events?doorId={door}")).Read<AuditEntry[]>();
        Assert.DoesNotContain(decisions, e => e.Kind == AuditKind.Decision);
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        var door = TestIds.New("door");
        await fixture.Admin.CreateDoor(door);
        await (await fixture.Admin.PostImage($"/api/doors/{door}/access", [])).ShouldBeProblem(HttpStatusCode.BadRequest, "empty_image");
    }

    [Fact]
    public async Task Bytes_that_are_no_image_are_400_and_leave_no_trace()
    {
        var (door, staff) = (TestIds.New("door"), TestIds.New("staff"));
        await fixture.Admin.CreateDoor(door);
        await fixture.Admin.CreateStaff(staff);
        byte[] garbage = "GIF89a this is not what it claims"u8.ToArray();

        await (await fixture.Admin.PostImage($"/api/doors/{door}/access", garbage)).ShouldBeProblem(HttpStatusCode.BadRequest, "not_an_image");
        await (await fixture.Admin.PostImage($"/api/doors/{door}/verify?staffId={staff}", garbage, "image/png")).ShouldBeProblem(HttpStatusCode.BadRequest, "not_an_image");
        await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", garbage, "image/webp")).ShouldBeProblem(HttpStatusCode.BadRequest, "not_an_image");

        Assert.Empty((await (await fixture.Admin.GetAsync($"/api/staff/{staff}")).Read<StaffProfile>()).Templates);
        var decisions = await (await fixture.Admin.GetAsync($"/api/events?doorId={door}&kind=decision")).Read<AuditEntry[]>();
        Assert.Empty(decisions);
        await fixture.Admin.Erase(staff);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_422_bad_image_for_enrollment_and_for_a_door()
    {
        var (door, staff) = (TestIds.New("door"), TestIds.New("staff"));
        await fixture.Admin.CreateDoor(door);
        await fixture.Admin.CreateStaff(staff);
        var truncated = TestImages.Sample(2)[..2048];

        await (await fixture.Admin.PostImage($"/api/staff/{staff}/faces", truncated)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "bad_image");
        Assert.Empty((await (await fixture.Admin.GetAsync($"/api/staff/{staff}")).Read<StaffProfile>()).Templates);
        await (await fixture.Admin.PostImage($"/api/doors/{door}/access", truncated)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "bad_image");
        await fixture.Admin.Erase(staff);
    }

    [Fact]
    public async Task Verify_needs_a_valid_claimed_staff_id()
    {
        var door = TestIds.New("door");
        await fixture.Admin.CreateDoor(door);
        await (await fixture.Admin.PostImage($"/api/doors/{door}/verify", [0xFF, 0xD8, 0xFF, 0xE0])).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_staff_id");
        await (await fixture.Admin.PostImage($"/api/doors/{door}/verify?staffId=a%2Fb", [0xFF, 0xD8, 0xFF, 0xE0])).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_staff_id");
    }

    [Fact]
    public async Task Enrolling_for_an_unknown_person_is_404()
    {
        await (await fixture.Admin.PostImage($"/api/staff/{TestIds.New("nobody")}/faces", TestImages.Sample(2)))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unknown_staff");
        await (await fixture.Admin.DeleteAsync($"/api/staff/{TestIds.New("nobody")}/faces")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown_staff");
    }
}
