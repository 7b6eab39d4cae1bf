using Xunit;

namespace AccessGrid.TestSupport;

/// <summary>A fact that needs ../shared (golden tensors, datasets): runs in CI, is skipped on a bare clone.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (RepoPaths.SharedDirectory is null) Skip = "../shared is not beside the repository";
    }

    /// <summary>Also needs Debian's PostgreSQL server binaries (a private cluster): skipped without them.</summary>
    public bool NeedsPostgres
    {
        get => _needsPostgres;
        set
        {
            _needsPostgres = value;
            if (value && Skip is null && LocalRun.PostgresProcess.FindBinaries() is null)
                Skip = "PostgreSQL server binaries not installed (apt-get install postgresql; ./accessgrid test does)";
        }
    }

    private bool _needsPostgres;
}

/// <summary>A theory that needs ../shared: runs in CI, is skipped on a bare clone.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (RepoPaths.SharedDirectory is null) Skip = "../shared is not beside the repository";
    }
}
