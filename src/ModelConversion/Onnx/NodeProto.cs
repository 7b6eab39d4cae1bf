using AccessGrid.ModelConversion.Protobuf;

namespace AccessGrid.ModelConversion.Onnx;

/// <summary>One operator application in the default ONNX domain.</summary>
public sealed record NodeProto(string Name, string OpType, string[] Inputs, string[] Outputs, AttributeProto[] Attributes) : IProtoMessage
{
    public void WriteTo(ProtoWriter writer)
    {
        foreach (var input in Inputs) writer.WriteString(1, input);
        foreach (var output in Outputs) writer.WriteString(2, output);
        writer.WriteString(3, Name);
        writer.WriteString(4, OpType);
        foreach (var attribute in Attributes) writer.WriteMessage(5, attribute);
    }
}
