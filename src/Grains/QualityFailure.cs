namespace AccessGrid.Grains;

public enum QualityFailure
{
    TooSmall,
    TooBlurry,
    BadLighting,
    BadPose,
}
