using AccessGrid.ModelConversion.Protobuf;

namespace AccessGrid.ModelConversion.Onnx;

/// <summary>A node attribute; only the kinds the converted nets need (float, int, ints, string).</summary>
public sealed class AttributeProto : IProtoMessage
{
    private enum Kind { Float = 1, Int = 2, String = 3, Ints = 7 }

    private readonly Kind kind;
    private readonly float floatValue;
    private readonly long[] ints;
    private readonly string stringValue;

    public string Name { get; }

    private AttributeProto(string name, Kind kind, float floatValue = 0, long[]? ints = null, string stringValue = "")
    {
        Name = name;
        this.kind = kind;
        this.floatValue = floatValue;
        this.ints = ints ?? [];
        this.stringValue = stringValue;
    }

    public static AttributeProto Float(string name, float value) => new(name, Kind.Float, floatValue: value);
    public static AttributeProto Int(string name, long value) => new(name, Kind.Int, ints: [value]);
    public static AttributeProto Ints(string name, params long[] values) => new(name, Kind.Ints, ints: values);
    public static AttributeProto String(string name, string value) => new(name, Kind.String, stringValue: value);

    public void WriteTo(ProtoWriter writer)
    {
        writer.WriteString(1, Name);
        writer.WriteInt64(20, (long)kind);
        switch (kind)
        {
            case Kind.Float: writer.WriteFloat(2, floatValue); break;
            case Kind.Int: writer.WriteInt64(3, ints[0]); break;
            case Kind.String: writer.WriteString(4, stringValue); break;
            case Kind.Ints: foreach (var v in ints) writer.WriteInt64(8, v); break;
        }
    }
}
