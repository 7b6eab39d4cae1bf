using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccessGrid.Grains.Backup;

/// <summary>How backup lines are written and read: camelCase, enums by name, templates' bytes as base64.</summary>
public static class BackupJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
