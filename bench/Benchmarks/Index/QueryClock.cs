using System.Diagnostics;

namespace AccessGrid.Benchmarks.Index;

/// <summary>Mean wall-clock and process-CPU microseconds per query of a loop. On a quiet machine they agree for
/// one-thread work; when others share the cores, CPU time still measures the work itself.</summary>
public static class QueryClock
{
    public static (double WallMicroseconds, double CpuMicroseconds) Measure(int queries, Action loop)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        loop();
        double wall = clock.Elapsed.TotalMicroseconds;
        process.Refresh();
        return (wall / queries, (process.TotalProcessorTime - cpu).TotalMicroseconds / queries);
    }
}

/// <summary>Process CPU seconds of one piece of work, beside its result.</summary>
public static class CpuClock
{
    public static (T Result, double CpuSeconds) Measure<T>(Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var result = work();
        process.Refresh();
        return (result, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
