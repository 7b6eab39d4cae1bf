using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>One JSON style for every machine-readable output: snake_case, indented, enums as names.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
