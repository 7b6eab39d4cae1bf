using System.CommandLine;
using AccessGrid.Cli.Audit;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;

namespace AccessGrid.Cli.Commands;

/// <summary>`accessgrid audit verify [--url …] [--key …] [--json]`: asks a running gateway to walk the tamper-evident
/// audit chains. Exit code 0 when every link holds, 1 with the first broken link otherwise.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var gateway = new GatewayOptions("Admin");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var verify = new Command("verify", "Check every audit entry's hash and link; report the first broken one.") { gateway.Url, gateway.Key, json };
        verify.SetAction(async (parsed, ct) =>
        {
            var baseUrl = gateway.BaseUrl(parsed);
            var adminKey = gateway.ApiKey(parsed);

            AuditReport report;
            try
            {
                report = await AuditHttp.Verify(baseUrl, adminKey, ct);
            }
            catch (HttpRequestException e)
            {
                throw new CliException($"Could not reach {baseUrl}: {e.Message}");
            }

            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json)) output.WriteLine(CliJson.Serialize(report));
            else output.WriteLine(Describe(report));
            return report.Intact ? ExitCodes.Ok : ExitCodes.InputProblem;
        });
        return new Command("audit", "The audit log's integrity.") { verify };
    }

    public static string Describe(AuditReport report)
    {
        var checkedText = $"{report.Chains} day chains, {report.Entries:N0} entries, {report.Rows:N0} stored rows checked"
                          + (report.Unsealed > 0 ? $" ({report.Unsealed:N0} older entries written before chaining)" : "")
                          + (report.Orphans > 0 ? $" ({report.Orphans:N0} orphan index copies left by interrupted writes)" : "");
        if (report.FirstBreak is not { } broken) return $"audit intact: {checkedText}.";
        var where = $"chain {broken.Chain}" + (broken.Sequence is { } n ? $", entry {n}" : "") + (broken.Row is { } row ? $", row {row}" : "");
        return $"audit BROKEN at {where}: {broken.Problem}\n{checkedText} before the break.";
    }
}
