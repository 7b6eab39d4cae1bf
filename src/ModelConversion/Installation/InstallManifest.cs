using System.Text.Json;
using System.Text.Json.Serialization;
using AccessGrid.ModelConversion.Onnx;

namespace AccessGrid.ModelConversion.Installation;

/// <summary>models/manifest.json: what was converted from which package and sources, and the hash of each result.</summary>
/// <param name="Liveness">The liveness model copied from its own package; null in manifests written before it existed.</param>
public sealed record InstallManifest(
    string Package, string Version, string Integrity, string ConverterVersion, IReadOnlyList<ModelEntry> Models,
    PackageModels? Liveness = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new TensorDimJsonConverter() },
    };

    public static InstallManifest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<InstallManifest>(File.ReadAllBytes(path), Json)
                   ?? throw new ModelInstallException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new ModelInstallException($"{path} is not a valid manifest: {e.Message}", e);
        }
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

/// <param name="File">The ONNX file name inside the models folder.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the ONNX file.</param>
public sealed record ModelEntry(
    string File, string Sha256, long Bytes, IReadOnlyList<SourceFile> Sources,
    IReadOnlyList<TensorSignature> Inputs, IReadOnlyList<TensorSignature> Outputs);

/// <param name="File">Path inside the npm package, e.g. model/face_recognition_model.bin.</param>
public sealed record SourceFile(string File, string Sha256);

/// <summary>A graph input or output: name, element type and shape (numbers fixed, names dynamic).</summary>
public sealed record TensorSignature(string Name, string Type, IReadOnlyList<TensorDim> Shape);

/// <summary>Writes a fixed dimension as a JSON number and a dynamic one as its name.</summary>
internal sealed class TensorDimJsonConverter : JsonConverter<TensorDim>
{
    public override TensorDim Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => TensorDim.Fixed(reader.GetInt64()),
            JsonTokenType.String => TensorDim.Dynamic(reader.GetString()!),
            _ => throw new JsonException("a tensor dimension must be a number or a name"),
        };

    public override void Write(Utf8JsonWriter writer, TensorDim value, JsonSerializerOptions options)
    {
        if (value.Value is { } size) writer.WriteNumberValue(size);
        else writer.WriteStringValue(value.Symbol);
    }
}
