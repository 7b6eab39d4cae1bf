using System.CommandLine;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>The --url and --key options of commands that talk to a running gateway, and how they are read.</summary>
public sealed class GatewayOptions
{
    public Option<string> Url { get; } = new("--url") { Description = "The gateway.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };

    public Option<string?> Key { get; }

    /// <param name="roles">Who may run the command, for --key's help (e.g. "Admin").</param>
    public GatewayOptions(string roles) => Key = new("--key") { Description = $"{roles} API key (default: {AdminKey.File})." };

    /// <summary>The gateway's address; a usage error unless it is an absolute http(s) URL.</summary>
    public Uri BaseUrl(ParseResult parsed) =>
        Uri.TryCreate(parsed.GetValue(Url), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw CliException.Usage("--url must be an absolute http(s) URL.");

    /// <summary>--key, else the key `accessgrid up` wrote.</summary>
    public string ApiKey(ParseResult parsed) => AdminKey.Read(parsed.GetValue(Key));
}
