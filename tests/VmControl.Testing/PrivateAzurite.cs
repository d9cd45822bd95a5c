using System.Diagnostics;
using System.Net.Sockets;

namespace VmControl.Testing;

/// <summary>
/// An Azurite of the test's own (the repository's <c>.tools/azurite</c>, from scripts/azurite.sh), on free loopback
/// ports with a temporary data folder. The shared Azurite on 10000-10002 is loaded by every other job on the machine:
/// a fresh task hub there can take minutes to own its partitions, and a suite that measures would measure the others.
/// Stop and start again keep ports and data (a storage outage).
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly string location = Directory.CreateTempSubdirectory("vmcontrol-test-azurite.").FullName;
    private readonly int[] ports = [FreePorts.Next(), FreePorts.Next(), FreePorts.Next()];
    private Process? process;

    private PrivateAzurite()
    {
    }

    public OutputTail Output { get; } = new();

    /// <summary>Whether the repository has Azurite installed (else a test may fall back on the shared one).</summary>
    public static bool IsInstalled => File.Exists(RepoPaths.AzuriteBinary);

    /// <summary>The full connection string LocalHost takes as <c>--Storage:StorageConnectionString</c> (tables and the Durable engine).</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";

    public static async Task<PrivateAzurite> StartAsync(CancellationToken cancellationToken)
    {
        var azurite = new PrivateAzurite();
        try
        {
            await azurite.StartAgainAsync(cancellationToken).ConfigureAwait(false);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts Azurite (again) on the same ports and data folder, and returns once all three services listen.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var binary = RepoPaths.AzuriteBinary;
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"Azurite is not installed at {binary}; run ./test.sh or `source scripts/azurite.sh && azurite_install`.");
        }

        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", $"{ports[0]}", "--queuePort", $"{ports[1]}", "--tablePort", $"{ports[2]}",
            "--location", location,
        })
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => Output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (!await AllListenAsync(timeout.Token).ConfigureAwait(false))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}:{Environment.NewLine}{Output}");
            }

            await Task.Delay(100, timeout.Token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops Azurite as an outage: SIGTERM first, so it writes its in-memory metadata to the data folder (it saves
    /// every few seconds otherwise, and a SIGKILL would lose the last ones), then SIGKILL if it has not gone.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (process is null || process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", $"{process.Id}"]))
        {
            await term.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(StopGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }

        process?.Dispose();
        process = null;
        try
        {
            Directory.Delete(location, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder costs disk space only.
        }
    }

    private async Task<bool> AllListenAsync(CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }
}
