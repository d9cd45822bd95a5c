using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VmControl.OpenStack.Tests.Support;

/// <summary>
/// VmControl.LocalHost as a child process on a free loopback port, isolated from every other run by its own table
/// prefix, task hub and worker id, with one admin account whose password is made up here and passed through the
/// environment (not the command line, where other users could read it).
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private LocalHostProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts it on <paramref name="storage"/> (a connection string), or on the shared Azurite when null.</summary>
    public static async Task<LocalHostProcess> StartAsync(string user, string password, string project, string? storage)
    {
        if (storage is null)
        {
            AzuriteCheck.EnsureRunning();
        }

        var dll = Path.Combine(Repo.Root, "src", "VmControl.LocalHost", "bin", Repo.Configuration, "net10.0", "VmControl.LocalHost.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing; build Functions.sln first.");
        }

        var port = FreePort();
        var isolation = "ostest" + Guid.NewGuid().ToString("N")[..10];
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var arg in new[]
                 {
                     dll, "--urls", $"http://127.0.0.1:{port}", $"--Storage:TablePrefix={isolation}", $"--Durable:HubName={isolation}",
                     $"--Durable:WorkerId={isolation}", $"--OpenStack:Accounts:0:User={user}", $"--OpenStack:Accounts:0:Project={project}",
                     // One partition: a fresh task hub then has one lease to take, which matters on a busy shared Azurite.
                     "--Durable:PartitionCount=1", "--OpenStack:Accounts:0:Roles:0=admin", "--OpenStack:Accounts:0:Roles:1=member", "--Logging:LogLevel:Default=Warning",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["OpenStack__Accounts__0__Password"] = password;
        if (storage is not null)
        {
            info.Environment["Storage__StorageConnectionString"] = storage;
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new LocalHostProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitReadyAsync().ConfigureAwait(false);
        return host;
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

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("LocalHost exited while starting:\n" + Log);
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUrl + "/compute/v2.1")).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        throw new TimeoutException("LocalHost did not answer within 90 s:\n" + Log);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
