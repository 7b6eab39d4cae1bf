namespace AccessGrid.Grains;

/// <summary>Persisted state of a person (storage "staff"). Templates hold encodings only, never images.</summary>
[GenerateSerializer, Alias("AccessGrid.StaffState")]
public sealed class StaffState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public StaffStatus Status { get; set; }
    /// <summary>Templates as stored before issue 13 (floats in JSON). Read only to migrate them into
    /// <see cref="Faces"/> when the person's grain activates; null afterwards.</summary>
    [Id(2)] public List<FaceTemplate>? Templates { get; set; }
    [Id(3)] public List<Grant> Grants { get; set; } = [];
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The person's templates, encodings in half precision.</summary>
    [Id(5)] public List<StoredTemplate> Faces { get; set; } = [];

    /// <summary>Moves pre-issue-13 templates into <see cref="Faces"/>; true when there was something to move.</summary>
    public bool MigrateTemplates()
    {
        if (Templates is null) return false;
        Faces.AddRange(Templates.Select(t => StoredTemplate.From(t)));
        Templates = null;
        return true;
    }
}
