using AccessGrid.LocalRun;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>A fact that starts a private PostgreSQL cluster: skipped with the reason when Debian's postgresql server
/// binaries are missing (`./accessgrid test` installs them), never passed vacuously.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresProcess.FindBinaries() is null) Skip = "PostgreSQL server binaries not installed (apt-get install postgresql; ./accessgrid test does)";
    }
}
