namespace AccessGrid.ModelConversion.Installation;

public enum VerificationProblemKind
{
    ManifestMissing,
    ManifestUnreadable,
    /// <summary>Converted from another package version or by another converter version.</summary>
    Outdated,
    NotInManifest,
    Missing,
    HashMismatch,
}

public sealed record VerificationProblem(string File, VerificationProblemKind Kind, string Detail)
{
    public override string ToString() => $"{File}: {Detail}";
}

/// <summary>The outcome of re-hashing the installed models against their manifest.</summary>
public sealed record VerificationReport(string ModelsDirectory, IReadOnlyList<VerificationProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
