using AccessGrid.ModelConversion.Protobuf;

namespace AccessGrid.ModelConversion.Onnx;

/// <summary>A topologically sorted graph with its weights as initializers.</summary>
public sealed record GraphProto(
    string Name,
    IReadOnlyList<NodeProto> Nodes,
    IReadOnlyList<TensorProto> Initializers,
    IReadOnlyList<ValueInfoProto> Inputs,
    IReadOnlyList<ValueInfoProto> Outputs) : IProtoMessage
{
    public void WriteTo(ProtoWriter writer)
    {
        foreach (var node in Nodes) writer.WriteMessage(1, node);
        writer.WriteString(2, Name);
        foreach (var tensor in Initializers) writer.WriteMessage(5, tensor);
        foreach (var input in Inputs) writer.WriteMessage(11, input);
        foreach (var output in Outputs) writer.WriteMessage(12, output);
    }
}
