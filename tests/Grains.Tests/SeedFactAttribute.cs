using AccessGrid.TestSupport;
using AccessGrid.Vision;

namespace AccessGrid.Grains.Tests;

/// <summary>A fact that needs the models and ../shared (the seed office pictures).</summary>
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        if (RepoPaths.SharedDirectory is null) Skip = "../shared is not beside the repository";
        else if (!ModelStore.IsInstalled()) Skip = "models not installed: run ./accessgrid models install";
    }
}
