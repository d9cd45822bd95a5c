
namespace VmControl.Reliability.Tests.Support;

/// <summary>
/// One LocalHost on its own Azurite, with the API client the test uses. Restarting keeps the identity and the storage,
/// so the new process is the same deployment coming back.
/// </summary>
public sealed class ReliabilityHost : IAsyncDisposable
{
    private readonly LocalHostIdentity identity = LocalHostIdentity.New();
    private readonly IReadOnlyList<string> moreArguments;
    private long requestsOfEarlierClients;

    private ReliabilityHost(PrivateAzurite azurite, IReadOnlyList<string> moreArguments)
    {
        Azurite = azurite;
        this.moreArguments = moreArguments;
    }

    public PrivateAzurite Azurite { get; }

    public LocalHostProcess Process { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    /// <summary>Requests sent through every client this host had (one per process).</summary>
    public long RequestsSent => requestsOfEarlierClients + Api.RequestsSent;

    public static Task<ReliabilityHost> StartAsync(CancellationToken cancellationToken) => StartAsync([], cancellationToken);

    /// <summary>Starts it with <paramref name="moreArguments"/> on the LocalHost's command line, at every restart too.</summary>
    public static async Task<ReliabilityHost> StartAsync(IReadOnlyList<string> moreArguments, CancellationToken cancellationToken)
    {
        var azurite = await PrivateAzurite.StartAsync(cancellationToken).ConfigureAwait(false);
        var host = new ReliabilityHost(azurite, moreArguments);
        try
        {
            await host.StartProcessAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary><c>kill -9</c> of LocalHost, then a new process with the same identity and storage.</summary>
    public async Task KillAndRestartAsync(CancellationToken cancellationToken)
    {
        await Process.KillAsync(cancellationToken).ConfigureAwait(false);
        await Process.DisposeAsync().ConfigureAwait(false);
        requestsOfEarlierClients += Api.RequestsSent;
        Api.Dispose();
        await StartProcessAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a test's body; when it fails, the host's last log lines go to the test output (they name the cause of a 500).</summary>
    public async Task RunAsync(ITestOutputHelper output, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await body().ConfigureAwait(false);
        }
        catch
        {
            output.WriteLine("LocalHost's errors and last lines:" + Environment.NewLine + Errors(Process.Output.ToString()));
            output.WriteLine("Azurite's last lines:" + Environment.NewLine + Azurite.Output);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (Process is not null)
        {
            await Process.DisposeAsync().ConfigureAwait(false);
        }

        await Azurite.DisposeAsync().ConfigureAwait(false);
    }

    // The "fail:" entries (with their stack traces) and the last lines, not the whole log: the warnings crowd it.
    private static string Errors(string log)
    {
        var lines = log.Split(Environment.NewLine);
        var picked = new SortedSet<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("fail:", StringComparison.Ordinal) || lines[i].StartsWith("crit:", StringComparison.Ordinal))
            {
                picked.UnionWith(Enumerable.Range(i, Math.Min(40, lines.Length - i)));
            }
        }

        picked.UnionWith(Enumerable.Range(Math.Max(0, lines.Length - 30), Math.Min(30, lines.Length)));
        return string.Join(Environment.NewLine, picked.Take(400).Select(i => lines[i]));
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        Process = await LocalHostProcess.StartAsync(
            identity,
            new LocalHostStart
            {
                StorageConnectionString = Azurite.ConnectionString,

                // The per-VM lock's expected refusals ("already exists") would push the lines that explain a failure out of the tail.
                Arguments = ["--Logging:LogLevel:Microsoft.DurableTask.Sidecar=Error", .. moreArguments],
            },
            cancellationToken)
            .ConfigureAwait(false);
        Api = new ApiClient(Process.BaseAddress);
    }
}
