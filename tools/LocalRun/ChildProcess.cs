using System.Diagnostics;

namespace AccessGrid.LocalRun;

/// <summary>A process a drill started, its output in a log file. Kill is SIGKILL (kill -9): no chance to clean up;
/// Stop is SIGTERM: the process may flush and exit on its own.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public ChildProcess(string name, string fileName, IEnumerable<string> arguments, string logFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        Name = name;
        LogFile = logFile;
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        _log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }
    public string LogFile { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Peak resident memory (VmHWM) in MB while the process lives; null once it is gone.</summary>
    public double? PeakRssMegabytes
    {
        get
        {
            try
            {
                var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
            }
            catch (IOException) { return null; }
        }
    }

    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, then up to <paramref name="grace"/> for the process to exit by itself; SIGKILL after that.
    /// True when it exited on its own.</summary>
    public bool Stop(TimeSpan grace)
    {
        if (_process.HasExited) return true;
        if (Terminate(_process.Id, SigTerm) == 0 && _process.WaitForExit(grace)) return true;
        Kill();
        return false;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            try { _log.WriteLine(line); }
            catch (ObjectDisposedException) { }
        }
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Terminate(int pid, int signal);
}
