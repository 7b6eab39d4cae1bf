namespace AccessGrid.ModelConversion.Protobuf;

/// <summary>A message that can encode its own fields.</summary>
public interface IProtoMessage
{
    void WriteTo(ProtoWriter writer);
}
