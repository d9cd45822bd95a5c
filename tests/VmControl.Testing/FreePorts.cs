using System.Net.Sockets;

namespace VmControl.Testing;

/// <summary>Loopback ports nobody listens on, for the child processes the tests start.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
