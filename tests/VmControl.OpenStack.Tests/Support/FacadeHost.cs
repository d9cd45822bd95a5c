using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VmControl.Application;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Application.Tasks;
using VmControl.Testing.Fakes;

namespace VmControl.OpenStack.Tests.Support;

/// <summary>
/// The facade served in memory by <see cref="EndpointRouteBuilderExtensions.MapOpenStackApi"/> over fakes of the
/// ports, with four accounts: <c>alice</c> (admin), <c>bob</c> (member) and <c>rita</c> (reader) in the project <c>demo</c>,
/// and <c>otto</c> (member) in the project <c>other</c>. Passwords are made up per run.
/// </summary>
public sealed class FacadeHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private FacadeHost(WebApplication app, FakeVmStore vms, FakeActionLog actions, FakeTaskLauncher launcher, FakeTimeProvider time, LogCapture logs)
    {
        this.app = app;
        Logs = logs;
        Vms = vms;
        Actions = actions;
        Launcher = launcher;
        Time = time;
        Client = app.GetTestClient();
    }

    public static string AdminPassword { get; } = Guid.NewGuid().ToString("N");

    public static string MemberPassword { get; } = Guid.NewGuid().ToString("N");

    public HttpClient Client { get; }

    public FakeVmStore Vms { get; }

    public FakeActionLog Actions { get; }

    public FakeTaskLauncher Launcher { get; }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; }

    /// <summary>The host's services, for a test that renders a view the routes do not reach yet.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>The host's settings; change one and <see cref="ReloadSettings"/> to act as an edited settings file.</summary>
    public IConfiguration Settings => app.Configuration;

    /// <param name="allowNoAuth">Keyless mode.</param>
    /// <param name="listenOn">The addresses the server says it listens on (a test server listens on none, so they are given); 127.0.0.1 by default.</param>
    public static async Task<FacadeHost> StartAsync(bool allowNoAuth = false, IReadOnlyList<string>? listenOn = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var logs = new LogCapture();
        builder.Logging.AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenStack:AllowNoAuth"] = allowNoAuth ? "true" : "false",
            ["OpenStack:Accounts:0:User"] = "alice",
            ["OpenStack:Accounts:0:Password"] = AdminPassword,
            ["OpenStack:Accounts:0:Project"] = "demo",
            ["OpenStack:Accounts:0:Roles:0"] = "admin",
            ["OpenStack:Accounts:0:Roles:1"] = "member",
            ["OpenStack:Accounts:1:User"] = "bob",
            ["OpenStack:Accounts:1:Password"] = MemberPassword,
            ["OpenStack:Accounts:1:Project"] = "demo",
            ["OpenStack:Accounts:1:Roles:0"] = "member",
            ["OpenStack:Accounts:2:User"] = "rita",
            ["OpenStack:Accounts:2:Password"] = MemberPassword,
            ["OpenStack:Accounts:2:Project"] = "demo",
            ["OpenStack:Accounts:2:Roles:0"] = "reader",
            ["OpenStack:Accounts:3:User"] = "otto",
            ["OpenStack:Accounts:3:Password"] = MemberPassword,
            ["OpenStack:Accounts:3:Project"] = "other",
            ["OpenStack:Accounts:3:Roles:0"] = "member",
        });
        var vms = new FakeVmStore();
        var actions = new FakeActionLog();
        var launcher = new FakeTaskLauncher();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddVmControlApplication(s => s.PreemptWait = TimeSpan.FromMilliseconds(10));
        builder.Services.AddSingleton<IVmStore>(vms);
        builder.Services.AddSingleton<IActionLog>(actions);
        builder.Services.AddSingleton<ITaskLauncher>(launcher);
        builder.Services.AddSingleton<IHypervisorDriver>(new FakeDriver(DriverCapabilities.All));
        builder.Services.AddOpenStackApi(builder.Configuration);
        var app = builder.Build();
        app.MapOpenStackApi();
        await app.StartAsync().ConfigureAwait(false);
        var addresses = new ServerAddressesFeature();
        foreach (var address in listenOn ?? ["http://127.0.0.1:7071"])
        {
            addresses.Addresses.Add(address);
        }

        app.Services.GetRequiredService<IServer>().Features.Set<IServerAddressesFeature>(addresses);
        return new FacadeHost(app, vms, actions, launcher, time, logs);
    }

    public void ReloadSettings() => ((IConfigurationRoot)app.Configuration).Reload();

    /// <summary>
    /// Sends as if from <paramref name="remote"/> (null: no address, as an in-process server gives), which the
    /// HttpClient of a test server cannot set. Returns the status, the body text and the response headers.
    /// </summary>
    public async Task<(int Status, string Body, IHeaderDictionary Headers)> SendFromAsync(
        IPAddress? remote, string method, string path, string? body = null, string? token = null, params (string Name, string Value)[] headers)
    {
        var context = await app.GetTestServer().SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = remote;
            c.Request.Method = method;
            var query = path.IndexOf('?', StringComparison.Ordinal);
            c.Request.Path = query < 0 ? path : path[..query];
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
            if (body is not null)
            {
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            }

            if (token is not null)
            {
                c.Request.Headers["X-Auth-Token"] = token;
            }

            foreach (var (name, value) in headers)
            {
                c.Request.Headers[name] = value;
            }
        }).ConfigureAwait(false);
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync().ConfigureAwait(false), context.Response.Headers);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A stored VM with the given statuses, in the accounts' project <c>demo</c>.</summary>
    public VmRecord SeedVm(VmState vmState = VmState.Active, TaskState? taskState = null, PowerState powerState = PowerState.Running, string name = "web-1", string size = "small", DateTimeOffset? createdAt = null) =>
        Vms.Seed(new VmRecord
        {
            Id = VmIds.New(),
            Name = name,
            Size = size,
            Image = "ubuntu",

            // The accounts' project: a VM of another project does not exist for a token of this one.
            Project = "demo",
            VmState = vmState,
            TaskState = taskState,
            PowerState = powerState,
            Driver = "fake",
            CreatedAt = createdAt ?? Time.GetUtcNow(),
            UpdatedAt = createdAt ?? Time.GetUtcNow(),
        });

    /// <summary>A Keystone token for the user, from the facade's own Keystone.</summary>
    public async Task<string> TokenAsync(string user = "alice")
    {
        var password = user == "alice" ? AdminPassword : MemberPassword;
        using var response = await SendAsync("POST", "/identity/v3/auth/tokens", AuthBody(user, password, user == "otto" ? "other" : "demo")).ConfigureAwait(false);
        Assert.Equal(201, (int)response.StatusCode);
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    public static string AuthBody(string user, string password, string? project) =>
        JsonSerializer.Serialize(new
        {
            auth = new
            {
                identity = new { methods = new[] { "password" }, password = new { user = new { name = user, domain = new { name = "Default" }, password } } },
                scope = project is null ? null : new { project = new { name = project, domain = new { name = "Default" } } },
            },
        });

    public async Task<HttpResponseMessage> SendAsync(string method, string path, string? body = null, string? token = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>Sends as alice (admin) and returns status and body; <paramref name="version"/>: the compute microversion asked for (none: 2.1).</summary>
    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> CallAsync(string method, string path, string? body = null, string user = "alice", string? version = null)
    {
        var token = await TokenAsync(user).ConfigureAwait(false);
        var headers = version is null ? Array.Empty<(string, string)>() : [("OpenStack-API-Version", "compute " + version)];
        var response = await SendAsync(method, path, body, token, headers).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, json, response);
    }

    public static IReadOnlyList<string> Keys(JsonElement obj) => [.. obj.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
