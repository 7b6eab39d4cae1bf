namespace AccessGrid.ModelConversion.Onnx;

/// <summary>TensorProto.DataType values (onnx.proto) for the element types the converted nets use.</summary>
public enum OnnxDataType
{
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    Int32 = 6,
    Int64 = 7,
}
