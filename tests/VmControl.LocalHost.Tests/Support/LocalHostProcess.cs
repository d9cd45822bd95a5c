using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace VmControl.LocalHost.Tests.Support;

/// <summary>
/// VmControl.LocalHost as a real child process (the dll the build produced), on a free loopback port, with its own
/// <see cref="LocalHostIdentity"/>. <see cref="Kill"/> is a <c>kill -9</c>: no shutdown code runs.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private bool disposed;

    private LocalHostProcess(Process process, Uri baseAddress, OutputTail output)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Output = output;
    }

    public Uri BaseAddress { get; }

    public OutputTail Output { get; }

    public int Id => process.Id;

    /// <summary>Where the build put the host (recorded by the test project's LocateLocalHost target).</summary>
    public static string HostDll
    {
        get
        {
            var path = typeof(LocalHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "LocalHostDll")?.Value;
            return !string.IsNullOrEmpty(path) && File.Exists(path)
                ? path
                : throw new FileNotFoundException($"VmControl.LocalHost.dll is not at '{path}'; build the test project (it builds the host first).");
        }
    }

    /// <summary>Starts the host and returns once <c>/api/health</c> answers 200.</summary>
    public static Task<LocalHostProcess> StartAsync(LocalHostIdentity identity, CancellationToken cancellationToken) =>
        StartAsync(identity, [], cancellationToken);

    /// <summary>As above, with more configuration on the command line (it comes last, so it wins over the defaults here).</summary>
    public static async Task<LocalHostProcess> StartAsync(LocalHostIdentity identity, IReadOnlyList<string> moreArguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(moreArguments);
        var dll = HostDll;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The host's content root, so it reads its own appsettings.json.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls=" + baseAddress.ToString().TrimEnd('/'));
        foreach (var argument in identity.CommandLine())
        {
            start.ArgumentList.Add(argument);
        }

        // A message the killed process had dequeued stays hidden this long (5 min by default); short, so a restart resumes soon.
        start.ArgumentList.Add("--Durable:ControlQueueVisibilityTimeout=00:00:10");
        start.ArgumentList.Add("--Durable:WorkItemQueueVisibilityTimeout=00:00:10");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var argument in moreArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var output = new OutputTail(2000);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new LocalHostProcess(process, baseAddress, output);
        try
        {
            await host.WaitHealthyAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>SIGKILL, like <c>kill -9</c>, and waits until the process is gone.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await KillAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing left to stop.
        }

        process.Dispose();
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"LocalHost exited with code {process.ExitCode} while starting:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One probe timed out; the deadline decides.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"LocalHost did not become healthy within {StartTimeout}:{Environment.NewLine}{Output}");
    }

    // The dotnet CLI tells child processes which host it is; fall back to the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
