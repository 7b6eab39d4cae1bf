using System.Text.Json.Serialization;

namespace AccessGrid.Grains.Backup;

/// <summary>One line of a backup stream (JSON lines, "type" names the kind): a header, then doors, keys and people,
/// then an end line with the counts and the SHA-256 of every line before it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(BackupHeader), "header")]
[JsonDerivedType(typeof(BackupDoor), "door")]
[JsonDerivedType(typeof(BackupKey), "key")]
[JsonDerivedType(typeof(BackupPerson), "staff")]
[JsonDerivedType(typeof(BackupEnd), "end")]
public abstract record BackupLine;
