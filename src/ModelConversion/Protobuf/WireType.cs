namespace AccessGrid.ModelConversion.Protobuf;

/// <summary>The protocol-buffers wire types ONNX uses (groups are obsolete, so absent).</summary>
public enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}
