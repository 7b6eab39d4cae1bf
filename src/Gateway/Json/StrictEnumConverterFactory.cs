using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccessGrid.Gateway.Json;

/// <summary>Enums are written as their names ("suspended", "Monday"). Read, a name or the number of a defined value is
/// accepted (the dashboard sends week days as 0–6); anything else is refused with a message that lists the allowed
/// names (and no .NET type names), so <c>"status":7</c> or <c>"days":[99]</c> is a 400, never a stored out-of-range value.</summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert));

    private sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        // The names honour [JsonStringEnumMemberName], so they are exactly what the API writes.
        private readonly JsonStringEnumConverter<T> _names = new(namingPolicy: null, allowIntegerValues: false);
        private readonly Dictionary<string, T> _byName;

        public StrictEnumConverter()
        {
            var plain = new JsonSerializerOptions { Converters = { _names } };
            _byName = Enum.GetValues<T>().ToDictionary(v => JsonSerializer.Serialize(v, plain).Trim('"'), StringComparer.Ordinal);
        }

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is not null && _byName.TryGetValue(text, out var value)) return value;
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number)
                && Enum.IsDefined(typeof(T), number) && Enum.ToObject(typeof(T), number) is T defined)
                return defined;
            var got = reader.TokenType == JsonTokenType.String ? $"'{text}'" : reader.TokenType.ToString().ToLowerInvariant();
            throw new JsonException($"{got} is not allowed; use one of: {string.Join(", ", _byName.Keys)}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(_byName.First(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Key);
    }
}
