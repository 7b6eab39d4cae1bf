namespace AccessGrid.Cli.Identification;

/// <summary>One enrolled image: whose it is, where it came from, and its encoding.</summary>
public sealed record GalleryEntry(string Person, string ImagePath, float[] Embedding);
