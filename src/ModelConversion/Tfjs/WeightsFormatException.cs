namespace AccessGrid.ModelConversion.Tfjs;

/// <summary>A tfjs weights manifest or .bin that does not describe what the converter expects.</summary>
public sealed class WeightsFormatException(string message) : Exception(message);
