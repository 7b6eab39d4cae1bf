using System.Text.Json;
using System.Text.RegularExpressions;

namespace AccessGrid.Gateway.Json;

/// <summary>Turns a body that would not bind into a reason and a detail that name the field, without the .NET type
/// names System.Text.Json puts in its messages.</summary>
public static partial class JsonProblem
{
    /// <summary>unknown_field for a property the endpoint does not take; malformed_json for everything else.</summary>
    public static (string Reason, string Detail) Describe(JsonException exception)
    {
        var field = Field(exception.Path);
        if (UnmappedProperty().Match(exception.Message) is { Success: true } unknown)
        {
            var name = unknown.Groups[1].Value;
            var parent = field is not null && field.EndsWith("." + name, StringComparison.Ordinal) ? field[..^(name.Length + 1)] : null;
            return ("unknown_field", $"Unknown field '{name}'{(parent is null ? "" : $" in {parent}")}: this endpoint takes only its documented fields.");
        }
        // Our enum converter writes a clean message; the parser's own messages name CLR types, so they are summarised.
        var detail = exception.Message.Contains("use one of:", StringComparison.Ordinal)
            ? exception.Message
            : exception.LineNumber is { } line ? $"The body is not valid JSON for this endpoint (line {line + 1}, byte {exception.BytePositionInLine + 1})." : "The body is not valid JSON for this endpoint.";
        return ("malformed_json", field is null ? detail : $"{field}: {detail}");
    }

    /// <summary>"$.schedule.days[0]" → "schedule.days[0]"; the root itself is no field.</summary>
    private static string? Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [GeneratedRegex("^The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();
}
