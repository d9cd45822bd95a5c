using System.Diagnostics;

namespace VmControl.Testing;

/// <summary>
/// VmControl.LocalHost as a real child process (the dll the build produced), on a free loopback port, with its own
/// <see cref="LocalHostIdentity"/>. <see cref="KillAsync"/> is a <c>kill -9</c>: no shutdown code runs; a new process
/// with the same identity is the same deployment coming back.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private bool disposed;

    private LocalHostProcess(Process process, Uri baseAddress, LocalHostIdentity identity, OutputTail output)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Identity = identity;
        Output = output;
    }

    public Uri BaseAddress { get; }

    public LocalHostIdentity Identity { get; }

    /// <summary>The last lines the host wrote (standard output and error), for failure messages.</summary>
    public OutputTail Output { get; }

    public int Id => process.Id;

    /// <summary>Starts the host and returns once <c>/api/health</c> answers 200.</summary>
    public static Task<LocalHostProcess> StartAsync(LocalHostIdentity identity, CancellationToken cancellationToken) =>
        StartAsync(identity, new LocalHostStart(), cancellationToken);

    /// <summary>As above, with more configuration on the command line.</summary>
    public static Task<LocalHostProcess> StartAsync(LocalHostIdentity identity, IReadOnlyList<string> moreArguments, CancellationToken cancellationToken) =>
        StartAsync(identity, new LocalHostStart { Arguments = moreArguments }, cancellationToken);

    public static async Task<LocalHostProcess> StartAsync(LocalHostIdentity identity, LocalHostStart options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(options);
        if (options.StorageConnectionString is null)
        {
            AzuriteCheck.EnsureRunning();
        }

        var dll = RepoPaths.LocalHostDll;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the test project (it builds src/VmControl.LocalHost first) in {RepoPaths.Configuration}.");
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The host's content root, so it reads its own appsettings.json.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(dll, baseAddress, identity, options))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (options.StorageConnectionString is { } storage)
        {
            start.Environment["Storage__StorageConnectionString"] = storage;
        }

        foreach (var (name, value) in options.Environment)
        {
            start.Environment[name] = value;
        }

        var output = new OutputTail(2000);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new LocalHostProcess(process, baseAddress, identity, output);
        try
        {
            await host.WaitReadyAsync(options, cancellationToken).ConfigureAwait(false);
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

    private static IEnumerable<string> Arguments(string dll, Uri baseAddress, LocalHostIdentity identity, LocalHostStart options)
    {
        yield return dll;
        yield return "--urls=" + baseAddress.ToString().TrimEnd('/');
        foreach (var argument in identity.CommandLine().Concat(options.WithTestKeys ? TestKeys.CommandLine() : []))
        {
            yield return argument;
        }

        // A message the killed process had dequeued stays hidden this long (5 min by default); short, so a restart resumes soon.
        yield return "--Durable:ControlQueueVisibilityTimeout=00:00:10";
        yield return "--Durable:WorkItemQueueVisibilityTimeout=00:00:10";
        yield return "--Logging:LogLevel:Default=Warning";
        foreach (var argument in options.Arguments)
        {
            yield return argument;
        }
    }

    private async Task WaitReadyAsync(LocalHostStart options, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < options.StartTimeout)
        {
            if (process.HasExited)
            {
                // HasExited can be seen before the redirected output is read to its end: wait for the streams' EOF, so
                // the message carries the host's last words (a bad setting's name, say).
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException($"LocalHost exited with code {process.ExitCode} while starting:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(options.ReadyPath, UriKind.Relative), cancellationToken).ConfigureAwait(false);
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

        throw new TimeoutException($"LocalHost was not ready ({options.ReadyPath}) within {options.StartTimeout}:{Environment.NewLine}{Output}");
    }

    // The dotnet CLI tells child processes which host it is; fall back to the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
