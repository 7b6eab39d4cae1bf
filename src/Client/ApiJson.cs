using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccessGrid.Client;

/// <summary>The API's JSON conventions: camelCase names, enums as their wire names ("suspended", "no_face").</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The wire name of an enum value, e.g. "unknown_face" for <c>DecisionReason.UnknownFace</c>.</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, Options).Trim('"');
}
