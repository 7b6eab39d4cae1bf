namespace AccessGrid.Grains;

/// <summary>The store is away for now (a database restarting or unreachable): the caller should retry, and the gateway
/// answers 503 with Retry-After. Thrown instead of the database driver's own exceptions, which Orleans cannot carry
/// from one silo to another.</summary>
[GenerateSerializer, Alias("AccessGrid.StorageUnavailableException")]
public sealed class StorageUnavailableException(string message) : Exception(message);
