using System.Net.Sockets;

namespace VmControl.Testing;

/// <summary>The shared Azurite on 127.0.0.1:10000-10002 that the storage and end-to-end tests use.</summary>
public static class AzuriteCheck
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    /// <summary>Fails with a clear message when Azurite is not listening, instead of a storage timeout.</summary>
    public static void EnsureRunning()
    {
        foreach (var port in new[] { 10000, 10001, 10002 })
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
            }
            catch (SocketException ex)
            {
                throw new InvalidOperationException(
                    $"Azurite is not listening on 127.0.0.1:{port}. Run the tests with ./test.sh, which starts it, or start Azurite yourself.", ex);
            }
        }
    }
}
