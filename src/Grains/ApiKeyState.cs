namespace AccessGrid.Grains;

/// <summary>Persisted API keys (storage "keys"), by SHA-256 of the key in hex. The keys themselves are never stored.</summary>
[GenerateSerializer, Alias("AccessGrid.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)] public Dictionary<string, ApiKeyInfo> ByHash { get; set; } = [];
}
