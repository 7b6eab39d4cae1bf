using System.Text.Json;

namespace AccessGrid.Gateway.Json;

/// <summary>The wire name of an enum value (e.g. "no_face"), so ProblemDetails reasons match the JSON the API returns.</summary>
public static class JsonName
{
    public static string Of<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');
}
