using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace VmControl.OpenStack.Tests.Support;

/// <summary>
/// A LocalHost child process plus a generated clouds.yaml (password auth against its Keystone), shared by the
/// real-client tests. Runs Debian's <c>openstack</c> and the system <c>python3</c> (the one that sees
/// python3-openstacksdk), each bounded in time.
/// </summary>
public sealed class OpenStackCloud : IAsyncLifetime
{
    public const string User = "operator";
    public const string Project = "ops";
    public const string Cli = "/usr/bin/openstack";
    public const string Python = "/usr/bin/python3";
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(90);

    private readonly string directory = Directory.CreateTempSubdirectory("vmcontrol-openstack-").FullName;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private LocalHostProcess? host;
    private PrivateAzurite? azurite;

    public string Password { get; } = Guid.NewGuid().ToString("N");

    public string BaseUrl => host!.BaseAddress.ToString().TrimEnd('/');

    public string CloudsYaml => Path.Combine(directory, "clouds.yaml");

    public string HostLog => host?.Output.ToString() ?? string.Empty;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Cli))
        {
            throw new InvalidOperationException($"{Cli} is missing: run scripts/ensure-openstack-cli.sh (Debian's python3-openstackclient and python3-openstacksdk).");
        }

        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        azurite = PrivateAzurite.IsInstalled ? await PrivateAzurite.StartAsync(startup.Token).ConfigureAwait(false) : null;
        host = await LocalHostProcess.StartAsync(LocalHostIdentity.New("ostest"), AdminAccount(azurite?.ConnectionString), startup.Token).ConfigureAwait(false);
        // A stock clouds.yaml: password auth, Keystone's unversioned URL, nothing VmControl-specific.
        await File.WriteAllTextAsync(CloudsYaml, $"""
            clouds:
              vmc:
                auth:
                  auth_url: {BaseUrl}/identity
                  username: {User}
                  password: {Password}
                  project_name: {Project}
                  user_domain_name: Default
                  project_domain_name: Default
                region_name: RegionOne
                identity_api_version: 3
            """).ConfigureAwait(false);

        // A fresh task hub takes a while to own its partition on a busy Azurite: the first task ends only after that.
        await CreateServerAsync("warm-up", seconds: 240).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync().ConfigureAwait(false);
            if (azurite is null)
            {
                using var cleanup = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                await AzuriteCleanup.DeleteAsync(host.Identity, cleanup.Token).ConfigureAwait(false);
            }
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
        }

        Directory.Delete(directory, recursive: true);
    }

    /// <summary>
    /// One admin account whose password is made up here and passed through the environment (not the command line,
    /// where other users could read it); one Durable partition, as a fresh task hub then has one lease to take, which
    /// matters on a busy shared Azurite.
    /// </summary>
    private LocalHostStart AdminAccount(string? storage) => new()
    {
        StorageConnectionString = storage,
        ReadyPath = "/compute/v2.1",
        Arguments =
        [
            $"--OpenStack:Accounts:0:User={User}", $"--OpenStack:Accounts:0:Project={Project}", "--Durable:PartitionCount=1",
            "--OpenStack:Accounts:0:Roles:0=admin", "--OpenStack:Accounts:0:Roles:1=member",
        ],
        Environment = new Dictionary<string, string> { ["OpenStack__Accounts__0__Password"] = Password },
    };

    /// <summary><c>openstack &lt;args&gt;</c> with <c>OS_CLOUD=vmc</c>.</summary>
    public Task<ClientRun> OpenStackAsync(params string[] args) => RunAsync(Cli, args, new Dictionary<string, string>());

    /// <summary>
    /// One <c>openstack</c> process that runs each command from its input, as its interactive shell does: one Python
    /// start-up for all. Options go in the environment (<c>OS_COMPUTE_API_VERSION</c>, …): the shell would take
    /// arguments for commands. A failing command does not stop the rest; its error goes to the output.
    /// </summary>
    public Task<ClientRun> OpenStackBatchAsync(IReadOnlyDictionary<string, string> environment, params string[] commands) =>
        RunAsync(Cli, [], environment, string.Join('\n', commands) + "\n");

    /// <summary>A Python script (the SDK) with the cloud's coordinates in its environment.</summary>
    public Task<ClientRun> PythonAsync(string script, IReadOnlyDictionary<string, string> environment) =>
        RunAsync(Python, ["-c", script], environment);

    /// <summary>A token for the operator, from the facade's Keystone.</summary>
    public async Task<string> TokenAsync()
    {
        var body = JsonSerializer.Serialize(new
        {
            auth = new { identity = new { methods = new[] { "password" }, password = new { user = new { name = User, domain = new { name = "Default" }, password = Password } } } },
        });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(BaseUrl + "/identity/v3/auth/tokens"), content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    /// <summary>Creates a server through the Compute API (the CLI's create needs an image service) and waits for ACTIVE.</summary>
    public async Task<string> CreateServerAsync(string name, int seconds = 120)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl + "/compute/v2.1/servers"));
        request.Headers.Add("X-Auth-Token", await TokenAsync().ConfigureAwait(false));
        request.Content = new StringContent(JsonSerializer.Serialize(new { server = new { name, imageRef = "ubuntu", flavorRef = "1" } }), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.True((int)response.StatusCode == 202, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("server").GetProperty("id").GetString()!;
        await WaitForAsync(id, "ACTIVE", seconds).ConfigureAwait(false);
        return id;
    }

    /// <summary>Polls the server until it shows <paramref name="status"/> with no task in flight (what Tempest's waiter checks).</summary>
    public async Task<JsonElement> WaitForAsync(string id, string status, int seconds = 120)
    {
        var token = await TokenAsync().ConfigureAwait(false);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        var last = string.Empty;
        while (DateTime.UtcNow < until)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{BaseUrl}/compute/v2.1/servers/{id}"));
            request.Headers.Add("X-Auth-Token", token);
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            last = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var server = JsonDocument.Parse(last).RootElement.GetProperty("server").Clone();
                if (server.GetProperty("status").GetString() == status && server.GetProperty("OS-EXT-STS:task_state").ValueKind == JsonValueKind.Null)
                {
                    return server;
                }
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        throw new TimeoutException($"Server {id} did not reach {status} with no task: {last}\n{HostLog}");
    }

    private async Task<ClientRun> RunAsync(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? input = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["OS_CLIENT_CONFIG_FILE"] = CloudsYaml;
        info.Environment["OS_CLOUD"] = "vmc";
        info.Environment["HOME"] = directory;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException(file + " did not start.");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ClientTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not end within {ClientTimeout}.");
        }

        return new ClientRun(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
