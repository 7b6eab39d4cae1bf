namespace AccessGrid.Vision;

/// <summary>One detector hit: box in pixels of the image it was found in (may reach past its borders), score 0..1.</summary>
public readonly record struct Detection(FaceBox Box, float Score);
