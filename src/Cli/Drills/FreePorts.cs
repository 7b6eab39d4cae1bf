using System.Net;
using System.Net.Sockets;

namespace AccessGrid.Cli.Drills;

public static class FreePorts
{
    /// <summary>Ports nothing listens on right now, on 127.0.0.1 (all held open together, so they are distinct).</summary>
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
