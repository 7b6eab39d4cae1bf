using AccessGrid.TestSupport;
using AccessGrid.Vision;

namespace AccessGrid.Ops.Tests;

/// <summary>A fact that needs the installed models and the face-api demo photos (`./accessgrid test` puts both in
/// place): skipped with the reason when they are missing.</summary>
public sealed class ModelsFactAttribute : FactAttribute
{
    public ModelsFactAttribute()
    {
        if (!ModelStore.IsInstalled()) Skip = "models not installed: run ./accessgrid models install";
        else if (!File.Exists(RepoPaths.SampleImage(2))) Skip = "face-api demo photos missing: run ./accessgrid models install";
    }
}
