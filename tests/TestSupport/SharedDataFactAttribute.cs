using Xunit;

namespace AccessGrid.TestSupport;

/// <summary>A fact that needs ../shared (golden tensors, datasets): runs in CI, is skipped on a bare clone.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (RepoPaths.SharedDirectory is null) Skip = "../shared is not beside the repository";
    }
}

/// <summary>A theory that needs ../shared: runs in CI, is skipped on a bare clone.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (RepoPaths.SharedDirectory is null) Skip = "../shared is not beside the repository";
    }
}
