namespace AccessGrid.ModelConversion.Installation;

/// <summary>Installing the models failed for a reason the user can act on (npm missing, bad tarball, ...).</summary>
public sealed class ModelInstallException(string message, Exception? inner = null) : Exception(message, inner);
