namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>Ids unique to one test, so tests sharing the host never see each other's doors and people.</summary>
public static class TestIds
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
