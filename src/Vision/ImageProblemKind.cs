namespace AccessGrid.Vision;

public enum ImageProblemKind
{
    /// <summary>Zero bytes.</summary>
    Empty,
    /// <summary>Not a format we decode (JPEG, PNG, WebP, BMP, GIF).</summary>
    NotAnImage,
    /// <summary>Header parsed but the pixel data is cut short or corrupt.</summary>
    Corrupt,
    /// <summary>More pixels than the configured limit (40 MP); refused before decoding.</summary>
    TooLarge,
    /// <summary>Decoded fine; no face found.</summary>
    NoFace,
    /// <summary>Faces found, all below the minimum size.</summary>
    FaceTooSmall,
}
