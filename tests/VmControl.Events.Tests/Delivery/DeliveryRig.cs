using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VmControl.Application.UseCases;
using VmControl.Events.Delivery;
using VmControl.Events.Webhooks;
using VmControl.Storage;

namespace VmControl.Events.Tests.Delivery;

/// <summary>
/// The real delivery path over Azurite tables of its own prefix: the VM store writes events into the outbox and hands
/// them to a running <see cref="EventDispatcher"/>, which delivers to a <see cref="WebhookReceiver"/>; subscriptions
/// are made through the use case (so the handshake runs). Fast back-off, so retries take milliseconds.
/// </summary>
internal sealed class DeliveryRig : IAsyncDisposable
{
    private readonly WebhookHttp http;

    private DeliveryRig(StorageTables tables, WebhookReceiver receiver, DeliverySettings settings)
    {
        Tables = tables;
        Receiver = receiver;
        var events = Options.Create(new EventSettings { Source = new Uri("https://vmcontrol.test") });
        var webhooks = Options.Create(new WebhookSettings { HttpsOnly = false, AllowPrivateAddresses = true });
        http = new WebhookHttp(webhooks);
        Outbox = new TableOutbox(tables);
        DeadLetters = new TableDeadLetterStore(tables);
        var subscriptions = new TableSubscriptionStore(tables);
        Dispatcher = new EventDispatcher(
            subscriptions, DeadLetters, Outbox, [], [], new WebhookSender(http, TimeProvider.System, events),
            Options.Create(settings), events, TimeProvider.System, NullLogger<EventDispatcher>.Instance);
        Vms = new TableVmStore(tables, new OutboxWriter(Dispatcher, events, TimeProvider.System));
        Subscriptions = new EventSubscriptions(
            subscriptions, DeadLetters, new WebhookValidator(http, webhooks, Options.Create(settings), events), Dispatcher,
            Options.Create(settings), TimeProvider.System, NullLogger<EventSubscriptions>.Instance);
    }

    public static Caller Admin { get; } = new("test-admin", Role.Admin, Projects.Default);

    public StorageTables Tables { get; }

    public WebhookReceiver Receiver { get; }

    public TableOutbox Outbox { get; }

    public TableDeadLetterStore DeadLetters { get; }

    public EventDispatcher Dispatcher { get; }

    public TableVmStore Vms { get; }

    public EventSubscriptions Subscriptions { get; }

    public static async Task<DeliveryRig> StartAsync(DeliverySettings? settings = null)
    {
        AzuriteCheck.EnsureRunning();
        var options = new TableStorageOptions { ConnectionString = AzuriteCheck.ConnectionString, TablePrefix = "E" + Guid.NewGuid().ToString("N")[..12], MaxRetries = 1 };
        var tables = new StorageTables(TableServiceClientFactory.Create(options), options);
        await tables.EnsureTablesAsync();
        var receiver = await WebhookReceiver.StartAsync();
        var rig = new DeliveryRig(tables, receiver, settings ?? new DeliverySettings
        {
            InitialBackoff = TimeSpan.FromMilliseconds(5),
            MaxBackoff = TimeSpan.FromMilliseconds(40),
            Timeout = TimeSpan.FromSeconds(5),
        });
        await rig.Dispatcher.StartAsync(CancellationToken.None);
        return rig;
    }

    public async Task<EventSubscription> SubscribeAsync(int? maxAttempts = null, IReadOnlyList<string>? types = null)
    {
        var outcome = await Subscriptions.CreateAsync(
            new SubscriptionRequest(Receiver.Url.ToString(), types, null, WebhookReceiver.Secret, maxAttempts), Admin, CancellationToken.None);
        return outcome.Created ?? throw new InvalidOperationException(outcome.Code + ": " + outcome.Message);
    }

    /// <summary>A new VM (one created event) and <paramref name="flips"/> power changes (one event each).</summary>
    public async Task<string> CreateVmWithChangesAsync(int flips)
    {
        var vm = await Vms.CreateAsync(new VmRecord
        {
            Id = VmIds.New(),
            Name = "web-1",
            Size = "small",
            Image = "ubuntu",
            VmState = VmState.Active,
            PowerState = PowerState.Running,
            Driver = "fake",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        for (var i = 0; i < flips; i++)
        {
            vm = await Vms.TryReplaceAsync(vm with { PowerState = vm.PowerState == PowerState.Running ? PowerState.Shutdown : PowerState.Running, UpdatedAt = DateTimeOffset.UtcNow })
                ?? throw new InvalidOperationException("The VM changed under the test.");
        }

        return vm.Id;
    }

    /// <summary>Waits until the dispatcher holds nothing: every event delivered or dead-lettered, and settled.</summary>
    public async Task WaitSettledAsync(CancellationToken cancellationToken)
    {
        while (Dispatcher.HeldCount > 0)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    public async Task<int> PendingAsync(IEnumerable<string> vmIds)
    {
        var count = 0;
        foreach (var id in vmIds)
        {
            count += (await Outbox.ReadPendingAsync(OutboxTable.Vms, id)).Count;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await Dispatcher.StopAsync(CancellationToken.None);
        Dispatcher.Dispose();
        await Receiver.DisposeAsync();
        http.Dispose();
        await Tables.DeleteTablesAsync();
    }
}
