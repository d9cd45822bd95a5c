using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VmControl.Application;
using VmControl.Application.PowerSync;
using VmControl.Application.Tasks;
using VmControl.Application.UseCases;
using VmControl.Http.Tests.Fakes;
using VmControl.Testing.Fakes;

namespace VmControl.Http.Tests;

/// <summary>The API served in memory by <see cref="EndpointRouteBuilderExtensions.MapVmControlApi"/> over fakes of every port.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ApiHost(WebApplication app, HttpClient client)
    {
        this.app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public FakeVmStore Vms { get; } = new();

    public FakeActionLog Actions { get; } = new();

    public FakeAlertStore Alerts { get; } = new();

    public FakeTaskLauncher Launcher { get; } = new();

    public FakeSimulator Simulator { get; } = new();

    public FakeSubscriptionStore Subscriptions { get; } = new();

    public FakeDeadLetterStore DeadLetters { get; } = new();

    public FakeFleetStore Fleet { get; } = new();

    public FakeFleetLauncher FleetLauncher { get; } = new();

    public FakeWebhookValidator Webhooks { get; } = new();

    public FakeEventDelivery Delivery { get; } = new();

    /// <summary>Made before the app starts, as <see cref="Time"/> is (not read lazily as the others are): the idempotency sweeper, a hosted service, takes both at start.</summary>
    public FakeIdempotencyStore Idempotency { get; private set; } = null!;

    public FakeTimeProvider Time { get; private set; } = null!;

    public static Task<ApiHost> StartAsync(DriverCapabilities? capabilities = null, bool simulator = true, IPowerSyncRunner? powerSync = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestKeys.Settings());
        builder.Logging.ClearProviders();
        var host = new Holder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddVmControlApplication(s =>
        {
            s.PreemptWait = TimeSpan.FromMilliseconds(10);

            // The fake clock never moves by itself: a release that waits for the store would wait for good.
            s.ReleaseRetryWindow = TimeSpan.Zero;
        });
        builder.Services.AddVmControlHttp();
        builder.Services.AddSingleton<IVmStore>(_ => host.Value!.Vms);
        builder.Services.AddSingleton<IActionLog>(_ => host.Value!.Actions);
        builder.Services.AddSingleton<IAlertStore>(_ => host.Value!.Alerts);
        var idempotency = new FakeIdempotencyStore();
        builder.Services.AddSingleton<IIdempotencyStore>(idempotency);
        builder.Services.AddSingleton<ITaskLauncher>(_ => host.Value!.Launcher);
        builder.Services.AddSingleton<IHypervisorDriver>(new FakeDriver(capabilities ?? DriverCapabilities.All));
        builder.Services.AddSingleton<ISubscriptionStore>(_ => host.Value!.Subscriptions);
        builder.Services.AddSingleton<IDeadLetterStore>(_ => host.Value!.DeadLetters);
        builder.Services.AddSingleton<IFleetStore>(_ => host.Value!.Fleet);
        builder.Services.AddSingleton<IFleetLauncher>(_ => host.Value!.FleetLauncher);
        builder.Services.AddSingleton<IWebhookValidator>(_ => host.Value!.Webhooks);
        builder.Services.AddSingleton<IEventDelivery>(_ => host.Value!.Delivery);
        builder.Services.AddSingleton<EventSubscriptions>();
        if (simulator)
        {
            builder.Services.AddSingleton<ISimulatorControl>(_ => host.Value!.Simulator);
        }

        if (powerSync is not null)
        {
            builder.Services.AddSingleton<IPowerSyncRunner>(powerSync);
        }

        var app = builder.Build();
        app.MapVmControlApi();
        return Start(app, host, idempotency, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A stored VM with the given statuses.</summary>
    public VmRecord SeedVm(VmState vmState = VmState.Active, TaskState? taskState = null, PowerState powerState = PowerState.Running) =>
        Vms.Seed(new VmRecord
        {
            Id = VmIds.New(),
            Name = "web-1",
            Size = "small",
            Image = "ubuntu",
            VmState = vmState,
            TaskState = taskState,
            PowerState = powerState,
            Driver = "fake",
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        });

    /// <summary>A finished stop in the VM's history.</summary>
    public ActionRecord SeedAction(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var action = new ActionRecord
        {
            Id = ActionIds.New(Time.GetUtcNow()),
            VmId = vm.Id,
            Action = "stop",
            TaskState = TaskState.PoweringOff,
            Status = ActionStatus.Succeeded,
            RequestedAt = Time.GetUtcNow(),
            RequestedBy = "seed",
            VmStateBefore = VmState.Active,
        };
        Actions.AppendAsync(action).GetAwaiter().GetResult();
        return action;
    }

    /// <summary>An open power_mismatch alert on the VM, in its project.</summary>
    public AlertRecord SeedAlert(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var alert = new AlertRecord
        {
            Id = "alert-" + vm.Id,
            VmId = vm.Id,
            Kind = AlertKind.PowerMismatch,
            Project = vm.Project,
            VmState = vm.VmState,
            ObservedPowerState = PowerState.Shutdown,
            FirstSeenAt = Time.GetUtcNow(),
            LastSeenAt = Time.GetUtcNow(),
        };
        Alerts.Seed(alert);
        return alert;
    }

    /// <summary>A running fleet operation in the default project with the id the route samples name (<see cref="RouteSamples.FleetOperationId"/>).</summary>
    public Application.Fleet.FleetOperation SeedFleetOperation()
    {
        var operation = new Application.Fleet.FleetOperation
        {
            Id = RouteSamples.FleetOperationId,
            Action = VmAction.Stop,
            VmIds = ["vm-0123456789abcdef"],
            Status = Application.Fleet.FleetStatus.Running,
            CreatedBy = "seed",
            CreatedAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
        };
        return Fleet.CreateAsync(operation).GetAwaiter().GetResult();
    }

    /// <summary>A webhook subscription with the id the route samples name (<see cref="RouteSamples.SubscriptionId"/>) and one dead letter.</summary>
    public EventSubscription SeedSubscription()
    {
        var subscription = new EventSubscription(
            RouteSamples.SubscriptionId, new Uri("https://hooks.example.com/vmcontrol"), null, null, "whsec_" + Convert.ToBase64String(new byte[24]), 5, Time.GetUtcNow(), "seed");
        Subscriptions.Seed(subscription);
        var e = new Application.Events.VmEvent(
            Application.Events.EventIds.New(Time.GetUtcNow(), 0), Application.Events.EventTypes.VmCreated, "vms/vm-x", "default", Time.GetUtcNow(), """{"vmId":"vm-x"}""");
        DeadLetters.AddAsync(new DeadLetter(subscription.Id, e, 5, "HTTP 500", Time.GetUtcNow())).GetAwaiter().GetResult();
        return subscription;
    }

    /// <summary>Sends as the admin test key (<see cref="TestKeys.Admin"/>) unless <paramref name="headers"/> names an <c>X-Api-Key</c>.</summary>
    public Task<HttpResponseMessage> SendAsync(string method, string path, string? body = null, params (string Name, string Value)[] headers) =>
        SendAsAsync(headers.Any(h => h.Name == TestKeys.Header) ? null : TestKeys.Admin, method, path, body, headers);

    /// <summary>Sends with <paramref name="apiKey"/> in <c>X-Api-Key</c>, or with no credentials when it is null.</summary>
    public async Task<HttpResponseMessage> SendAsAsync(string? apiKey, string method, string path, string? body = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (apiKey is not null)
        {
            request.Headers.Add(TestKeys.Header, apiKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            // A stream never ends by itself: callers of this method read the status and headers only, so the stream is
            // closed here (the handler sees the client leave) and an empty body stands in for it.
            var type = response.Content.Headers.ContentType;
            response.Content.Dispose();
            response.Content = new ByteArrayContent([]);
            response.Content.Headers.ContentType = type;
        }
        else
        {
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>The host's services (the stream's hub, to publish to it as delivery would).</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<ApiHost> Start(WebApplication app, Holder holder, FakeIdempotencyStore idempotency, FakeTimeProvider time)
    {
        await app.StartAsync().ConfigureAwait(false);
        var host = new ApiHost(app, app.GetTestClient()) { Idempotency = idempotency, Time = time };
        holder.Value = host;
        return host;
    }

    // The fakes live on the host object, which exists only after the app is built; the registrations read it lazily.
    private sealed class Holder
    {
        public ApiHost? Value { get; set; }
    }
}
