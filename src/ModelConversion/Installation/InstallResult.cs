namespace AccessGrid.ModelConversion.Installation;

/// <summary>What an install run did. Converted is false when the models were already installed and intact.</summary>
public sealed record InstallResult(
    string ModelsDirectory, bool Converted, bool PackageExtracted, IReadOnlyList<ConvertedModel> Models, TimeSpan Elapsed);

public sealed record ConvertedModel(string File, long Bytes, TimeSpan ConversionTime);
