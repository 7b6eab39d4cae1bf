namespace AccessGrid.Grains.Backup;

/// <summary>A backup stream or file that is not whole: truncated, altered, of another format, or the wrong passphrase.
/// The message says which, for the person restoring.</summary>
public sealed class InvalidBackupException(string message) : Exception(message);
