using AccessGrid.Vision;
using Xunit;

namespace AccessGrid.TestSupport;

/// <summary>A fact that needs the installed models and the face-api demo photos (both put in place by
/// `./accessgrid test`): skipped with the reason when they are missing, never passed vacuously.</summary>
public sealed class RealFacesFactAttribute : FactAttribute
{
    public RealFacesFactAttribute()
    {
        if (!ModelStore.IsInstalled()) Skip = "models not installed: run ./accessgrid models install";
        else if (!File.Exists(RepoPaths.SampleImage(1))) Skip = "face-api demo photos missing: run ./accessgrid models install";
    }
}
