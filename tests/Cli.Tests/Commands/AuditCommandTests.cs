using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AccessGrid.Cli.Tests.Commands;

/// <summary>`accessgrid audit verify` against a stand-in gateway on loopback: it sends the admin key, prints the
/// verdict in words and exits 0 only for an intact chain.</summary>
public sealed class AuditCommandTests
{
    [Fact]
    public async Task An_intact_chain_exits_0_and_a_broken_one_names_the_row_and_exits_1()
    {
        const string intact = """{"chains":2,"entries":41,"rows":97,"unsealed":0,"orphans":0,"intact":true,"firstBreak":null}""";
        const string broken = """{"chains":1,"entries":6,"rows":14,"unsealed":0,"orphans":0,"intact":false,"firstBreak":{"chain":"2026-11-30","sequence":6,"row":"all/2520|ab","problem":"Row all/2520|ab (entry 6) was altered: its content does not match its hash."}}""";

        var (ok, keySent) = await Against(intact, "audit", "verify", "--key", "agk_admin");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("agk_admin", keySent);
        Assert.Contains("audit intact: 2 day chains, 41 entries, 97 stored rows checked", ok.Output);

        var (bad, _) = await Against(broken, "audit", "verify", "--key", "agk_admin");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("audit BROKEN at chain 2026-11-30, entry 6, row all/2520|ab: Row all/2520|ab (entry 6) was altered", bad.Output);
    }

    [Fact]
    public async Task A_bad_url_is_a_usage_error_and_an_unreachable_gateway_an_input_problem()
    {
        Assert.Equal(2, (await CliRun.InvokeAsync("audit", "verify", "--url", "not a url", "--key", "k")).ExitCode);
        var unreachable = await CliRun.InvokeAsync("audit", "verify", "--url", $"http://127.0.0.1:{FreePort()}", "--key", "k");
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains("Could not reach", unreachable.Error);
    }

    /// <summary>Runs the command against a one-request HTTP server answering <paramref name="json"/>.</summary>
    private static async Task<(CliRun Run, string? KeySent)> Against(string json, params string[] args)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var key = context.Request.Headers["X-Api-Key"];
            var body = Encoding.UTF8.GetBytes(json);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
            return key;
        });
        var run = await CliRun.InvokeAsync([.. args, "--url", $"http://127.0.0.1:{port}"]);
        return (run, await serving.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
