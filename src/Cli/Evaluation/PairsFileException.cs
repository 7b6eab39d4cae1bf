namespace AccessGrid.Cli.Evaluation;

/// <summary>A pairs file that does not follow the LFW format; the message names the line.</summary>
public sealed class PairsFileException(string message) : Exception(message);
