using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AccessGrid.Gateway.Tests.Infrastructure;

namespace AccessGrid.Gateway.Tests;

/// <summary>Each limit of AccessGrid:RateLimits answers 429 rate_limited with Retry-After, stops only what it should,
/// and a door whose decisions are refused shows as hammered on the door board.</summary>
public sealed class RateLimitTests(ThrottledHostFixture fixture) : IClassFixture<ThrottledHostFixture>
{
    private static readonly byte[] NotAnImage = "not an image"u8.ToArray();

    [Fact]
    public async Task An_address_that_keeps_failing_authentication_gets_429_before_its_keys_are_checked()
    {
        // The guesser and the admin come from different loopback addresses.
        using var guesser = ClientFrom(IPAddress.Parse("127.0.0.3"), "agk_guessed-wrong");
        for (var i = 0; i < ThrottledHostFixture.FailedAuthPerAddress; i++)
            await (await guesser.GetAsync("/api/doors")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_api_key");

        using var blocked = await guesser.GetAsync("/api/doors");
        await AssertRateLimited(blocked);

        // Now even a right key from that address waits for the window …
        using var rightKeyThere = ClientFrom(IPAddress.Parse("127.0.0.3"), fixture.Host.AdminKey);
        await AssertRateLimited(await rightKeyThere.GetAsync("/api/doors"));
        // … but nobody else is locked out by it.
        using var admin = ClientFrom(IPAddress.Parse("127.0.0.4"), fixture.Host.AdminKey);
        await (await admin.GetAsync("/api/doors")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_reader_key_over_its_rate_gets_429_and_its_door_shows_as_hammered()
    {
        using var admin = fixture.Host.Client(fixture.Host.AdminKey);
        var door = TestIds.New("hammered");
        await admin.CreateDoor(door);
        using var reader = fixture.Host.Client(await admin.CreateKey("reader", door));

        var answers = await Burst(reader, door, 10);
        // The first ones reach the endpoint (which refuses the body); the rest are refused by the key's limit.
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.BadRequest);
        await AssertRateLimited(Assert.IsType<HttpResponseMessage>(answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests)));

        using var guard = fixture.Host.Client(await admin.CreateKey("guard"));
        var board = await (await guard.GetAsync("/dashboard/doors")).Read<JsonElement>();
        var tile = board.GetProperty("doors").EnumerateArray().Single(d => d.GetProperty("doorId").GetString() == door);
        Assert.True(tile.GetProperty("rateLimited").GetInt32() >= 1);
        Assert.True(tile.GetProperty("alarm").GetBoolean());
    }

    [Fact]
    public async Task A_door_over_its_rate_gets_429_whatever_the_key_while_other_doors_go_on()
    {
        using var admin = fixture.Host.Client(fixture.Host.AdminKey);
        var (busy, quiet) = (TestIds.New("busy"), TestIds.New("quiet"));
        await admin.CreateDoor(busy);
        await admin.CreateDoor(quiet);

        // Admin keys have no per-key limit: what refuses them here is the door's.
        var answers = await Burst(admin, busy, 3 * ThrottledHostFixture.DoorDecisionsPerSecond);
        await AssertRateLimited(Assert.IsType<HttpResponseMessage>(answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests)));

        using var other = await admin.PostImage($"/api/doors/{quiet}/access", NotAnImage);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    private static async Task<HttpResponseMessage[]> Burst(HttpClient client, string door, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => client.PostImage($"/api/doors/{door}/access", NotAnImage)));

    private static async Task AssertRateLimited(HttpResponseMessage response)
    {
        await response.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    /// <summary>A client whose connections leave from <paramref name="source"/> (any 127.x address is loopback on Linux).</summary>
    private HttpClient ClientFrom(IPAddress source, string apiKey)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = fixture.Host.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
