namespace AccessGrid.Cli.Evaluation;

/// <summary>One image of an LFW-layout dataset: a person's folder name and the 1-based image number.</summary>
public readonly record struct LfwImage(string Name, int Number)
{
    /// <summary>LFW's layout: Name/Name_0001.jpg.</summary>
    public string RelativePath => Path.Combine(Name, $"{Name}_{Number:D4}.jpg");

    public override string ToString() => $"{Name}_{Number:D4}";
}
