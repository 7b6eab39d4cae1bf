using AccessGrid.ModelConversion.Protobuf;

namespace AccessGrid.ModelConversion.Onnx;

/// <summary>The top-level ONNX file: IR version 8, default-domain opset 17.</summary>
public sealed record ModelProto(GraphProto Graph, string ProducerName, string ProducerVersion, string DocString) : IProtoMessage
{
    public const long IrVersion = 8;
    public const long OpsetVersion = 17;

    public void WriteTo(ProtoWriter writer)
    {
        writer.WriteInt64(1, IrVersion);
        writer.WriteString(2, ProducerName);
        writer.WriteString(3, ProducerVersion);
        writer.WriteString(6, DocString);
        writer.WriteMessage(7, Graph);
        writer.WriteMessage(8, new OpsetImport(OpsetVersion));
    }

    public byte[] ToBytes()
    {
        var writer = new ProtoWriter();
        WriteTo(writer);
        return writer.ToArray();
    }

    /// <summary>OperatorSetIdProto: empty domain = the default ai.onnx operators.</summary>
    private sealed record OpsetImport(long Version) : IProtoMessage
    {
        public void WriteTo(ProtoWriter writer)
        {
            writer.WriteString(1, "");
            writer.WriteInt64(2, Version);
        }
    }
}
