namespace AccessGrid.Vision;

/// <summary>How faces are ordered; index 0 is the primary face.</summary>
public enum PrimaryFaceRule
{
    /// <summary>Largest box first; boxes within 10 % of the largest area are ordered by distance to the image centre.</summary>
    LargestThenCentral,
    HighestScore,
}
