namespace AccessGrid.Silo;

/// <summary>A configuration value the silo cannot run with; the message says which and what it may be.</summary>
public sealed class SiloConfigurationException(string message) : Exception(message);
