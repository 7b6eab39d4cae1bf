using System.Net;
using System.Net.Sockets;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>Loopback ports nobody is listening on right now, so parallel runs and a developer's own silo never clash.</summary>
public static class FreePort
{
    /// <summary>Distinct free ports: all are held open together while they are picked.</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
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
