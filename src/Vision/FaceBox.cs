namespace AccessGrid.Vision;

public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    public float Area => Width * Height;
    public float CenterX => X + Width / 2;
    public float CenterY => Y + Height / 2;
}
