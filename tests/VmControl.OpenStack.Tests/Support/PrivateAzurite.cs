using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VmControl.OpenStack.Tests.Support;

/// <summary>
/// An in-memory Azurite of this test run's own, on free loopback ports, when the repository has one installed
/// (<c>.tools/azurite</c>, from scripts/azurite.sh). A fresh task hub on the shared Azurite that every other job
/// on the machine also loads can take minutes to own its partitions; a private one takes a second.
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    // Azurite's published development account key: a well-known constant, not a secret.
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process process;

    private PrivateAzurite(Process process, string connectionString)
    {
        this.process = process;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>A running private Azurite, or null when none is installed (the caller then uses the shared one).</summary>
    public static async Task<PrivateAzurite?> TryStartAsync()
    {
        var bin = RepoPaths.AzuriteBinary;
        if (!File.Exists(bin))
        {
            return null;
        }

        int[] ports = [FreePort(), FreePort(), FreePort()];
        var info = new ProcessStartInfo(bin) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     "--silent", "--skipApiVersionCheck", "--loose", "--inMemoryPersistence",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queuePort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tablePort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new PrivateAzurite(
            process,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;");
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!ports.All(Listening))
        {
            if (process.HasExited || DateTime.UtcNow > until)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException("The private Azurite did not start listening.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }

        process.Dispose();
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
