using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>CPU time of the calling thread (user + system), so per-frame costs stay honest on a busy machine
/// where wall-clock time includes waiting for a core. Linux: getrusage(RUSAGE_THREAD), microsecond resolution;
/// elsewhere the process's CPU time (exact only when the measured work is the only busy thread).</summary>
public static class ThreadCpuClock
{
    private const int RusageThread = 1;

    public static TimeSpan Now
    {
        get
        {
            if (OperatingSystem.IsLinux() && GetRusage(RusageThread, out var usage) == 0)
                return TimeSpan.FromMicroseconds(usage.UserSeconds * 1e6 + usage.UserMicroseconds + usage.SystemSeconds * 1e6 + usage.SystemMicroseconds);
            return Process.GetCurrentProcess().TotalProcessorTime;
        }
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out Rusage usage);

    // struct rusage on 64-bit Linux: two timevals, then 14 longs we do not read.
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVcsw, NIvcsw;
    }
}
