using AccessGrid.ModelConversion.Protobuf;

namespace AccessGrid.ModelConversion.Onnx;

/// <summary>A typed graph input or output: ValueInfoProto → TypeProto.Tensor → TensorShapeProto.</summary>
public sealed record ValueInfoProto(string Name, OnnxDataType ElementType, TensorDim[] Shape) : IProtoMessage
{
    public void WriteTo(ProtoWriter writer)
    {
        writer.WriteString(1, Name);
        writer.WriteMessage(2, new Message(w => w.WriteMessage(1, new Message(tensor =>
        {
            tensor.WriteInt64(1, (long)ElementType);
            tensor.WriteMessage(2, new Message(shape =>
            {
                foreach (var dim in Shape)
                    shape.WriteMessage(1, new Message(d =>
                    {
                        if (dim.Value is { } value) d.WriteInt64(1, value);
                        else d.WriteString(2, dim.Symbol ?? throw new InvalidOperationException($"'{Name}': dimension without size or name"));
                    }));
            }));
        }))));
    }

    /// <summary>The small nested wrappers (TypeProto, TensorShapeProto, Dimension) have no data of their own.</summary>
    private sealed class Message(Action<ProtoWriter> write) : IProtoMessage
    {
        public void WriteTo(ProtoWriter writer) => write(writer);
    }
}
