using System.Text.RegularExpressions;

namespace AccessGrid.Gateway.Problems;

/// <summary>Turns ASP.NET Core's "Failed to bind parameter "DateTimeOffset? from" from "yesterday"" into a message that
/// names the field, the value and what is allowed, without the .NET type names.</summary>
public static partial class QueryValueProblem
{
    /// <summary>invalid_query naming the parameter, or null when the message is not a binding failure.</summary>
    public static string? Describe(string message)
    {
        if (BindFailure().Match(message) is not { Success: true } match) return null;
        var (type, name, value) = (match.Groups["type"].Value, match.Groups["name"].Value, match.Groups["value"].Value);
        // "DateTimeOffset?", "Nullable<DateTimeOffset>" and "System.DateTimeOffset" all mean the same here.
        type = type.Replace("Nullable<", "").TrimEnd('>', '?');
        type = type[(type.LastIndexOf('.') + 1)..];
        var expected = type switch
        {
            "DateTimeOffset" or "DateTime" => "an ISO 8601 date and time, e.g. 2026-12-01T08:00:00Z",
            "int" or "Int32" or "long" or "Int64" => "a whole number",
            "bool" or "Boolean" => "true or false",
            "float" or "Single" or "double" or "Double" => "a number",
            _ => "a value of the documented form",
        };
        return $"{name}: '{value}' is not valid; use {expected}.";
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>[^"]*)"\.?""")]
    private static partial Regex BindFailure();
}
