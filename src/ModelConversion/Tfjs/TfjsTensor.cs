namespace AccessGrid.ModelConversion.Tfjs;

/// <summary>One dequantised tfjs weight, in its tfjs layout (conv filters HWIO, depthwise [H,W,C,1], fc [in,out]).</summary>
public sealed record TfjsTensor(string Name, int[] Shape, float[] Values)
{
    public string ShapeText => $"[{string.Join(',', Shape)}]";
}
