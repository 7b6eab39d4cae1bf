using System.Net;
using System.Net.Sockets;

namespace AccessGrid.LocalRun;

/// <summary>Loopback ports nobody is listening on right now, so parallel runs and a developer's own silo never clash.</summary>
public static class FreePorts
{
    /// <summary>Distinct free ports on 127.0.0.1: all are held open together while they are picked.</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            foreach (var l in listeners) l.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var l in listeners) l.Stop();
        }
    }
}
