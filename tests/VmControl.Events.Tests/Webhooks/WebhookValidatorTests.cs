using Microsoft.Extensions.Options;
using VmControl.Events.Webhooks;

namespace VmControl.Events.Tests.Webhooks;

/// <summary>The validation handshake and the address checks, against a real receiver on 127.0.0.1.</summary>
public sealed class WebhookValidatorTests : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task Validate_ReceiverEchoesTheOrigin_Accepts()
    {
        using var http = Http(local: true);
        var validator = Validator(http, local: true, origin: "vmcontrol.test");

        Assert.Null(await validator.ValidateAsync(receiver.Url.ToString()));
        Assert.Equal(1, receiver.Handshakes);
        Assert.Equal("vmcontrol.test", receiver.LastRequestOrigin);
    }

    [Fact]
    public async Task Validate_ReceiverAllowsAnyOrigin_Accepts()
    {
        receiver.AllowedOrigin = _ => "*";
        using var http = Http(local: true);

        Assert.Null(await Validator(http, local: true).ValidateAsync(receiver.Url.ToString()));
    }

    [Theory]
    [InlineData("other.example", 200)]
    [InlineData(null, 200)]
    [InlineData("vmcontrol.test", 500)]
    [InlineData("vmcontrol.test", 404)]
    public async Task Validate_ReceiverDoesNotAgree_RefusesAsAFailedHandshake(string? allowed, int status)
    {
        receiver.AllowedOrigin = _ => allowed;
        receiver.HandshakeStatus = status;
        using var http = Http(local: true);

        var refusal = await Validator(http, local: true, origin: "vmcontrol.test").ValidateAsync(receiver.Url.ToString());

        Assert.NotNull(refusal);
        Assert.True(refusal.Handshake, refusal.Message);
    }

    [Fact]
    public async Task Validate_NothingListens_RefusesAsAFailedHandshake()
    {
        var url = receiver.Url;
        await receiver.DisposeAsync();
        receiver = await WebhookReceiver.StartAsync();
        using var http = Http(local: true);

        var refusal = await Validator(http, local: true).ValidateAsync(url.ToString());

        Assert.NotNull(refusal);
        Assert.True(refusal.Handshake);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Validate_LoopbackWithPrivateAddressesNotAllowed_RefusesWithoutCallingIt(string host)
    {
        using var http = Http(local: false);
        var url = new UriBuilder(receiver.Url) { Host = host }.Uri.ToString();

        var refusal = await Validator(http, local: false, httpsOnly: false).ValidateAsync(url);

        Assert.NotNull(refusal);
        Assert.False(refusal.Handshake, refusal.Message);
        Assert.Equal(0, receiver.Handshakes);
    }

    [Fact]
    public async Task Send_ToLoopbackWithPrivateAddressesNotAllowed_IsRefusedAtConnect()
    {
        // The subscription passed its checks when created; the name now resolves to a private address (DNS rebinding).
        using var http = Http(local: false);
        var sender = new WebhookSender(http, TimeProvider.System, Options.Create(new EventSettings()));
        var subscription = new EventSubscription("sub-0000000000000001", new UriBuilder(receiver.Url) { Host = "localhost" }.Uri, null, null, WebhookReceiver.Secret, 1, DateTimeOffset.UtcNow, "test");
        var e = new VmEvent(EventIds.New(DateTimeOffset.UtcNow, 0), EventTypes.VmCreated, "vms/vm-1", "default", DateTimeOffset.UtcNow, "{}");

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(subscription, e, CancellationToken.None));

        Assert.IsType<NonPublicAddressException>(failure.InnerException);
        Assert.Equal(0, receiver.AttemptsOf(e.Id));
    }

    [Fact]
    public async Task Send_SignedEvent_IsAcceptedByAStandardWebhooksVerifier()
    {
        using var http = Http(local: true);
        var sender = new WebhookSender(http, TimeProvider.System, Options.Create(new EventSettings { Source = new Uri("https://vmcontrol.test") }));
        var subscription = new EventSubscription("sub-0000000000000001", receiver.Url, null, null, WebhookReceiver.Secret, 1, DateTimeOffset.UtcNow, "test");
        var e = new VmEvent(EventIds.New(DateTimeOffset.UtcNow, 0), EventTypes.VmCreated, "vms/vm-1", "p1", DateTimeOffset.UtcNow, """{"vmId":"vm-1"}""");

        await sender.SendAsync(subscription, e, CancellationToken.None);

        var got = Assert.Single(receiver.Received);
        Assert.Equal(e.Id, got.Id);
        Assert.Equal("application/cloudevents+json; charset=utf-8", got.ContentType);
        Assert.Equal(e.Id, got.CloudEvent.GetProperty("id").GetString());
        Assert.Equal("p1", got.CloudEvent.GetProperty("project").GetString());
        Assert.Equal("vm-1", got.Data.GetProperty("vmId").GetString());
        Assert.Equal(0, receiver.BadSignatures);
    }

    [Fact]
    public async Task Send_WithAnotherSecret_FailsTheReceiversVerification()
    {
        using var http = Http(local: true);
        var sender = new WebhookSender(http, TimeProvider.System, Options.Create(new EventSettings()));
        var subscription = new EventSubscription("sub-0000000000000001", receiver.Url, null, null, "whsec_" + Convert.ToBase64String(new byte[24]), 1, DateTimeOffset.UtcNow, "test");
        var e = new VmEvent(EventIds.New(DateTimeOffset.UtcNow, 0), EventTypes.VmCreated, "vms/vm-1", "default", DateTimeOffset.UtcNow, "{}");

        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(subscription, e, CancellationToken.None));
        Assert.Equal(1, receiver.BadSignatures);
    }

    private static WebhookHttp Http(bool local) => new(Options.Create(new WebhookSettings { AllowPrivateAddresses = local, HttpsOnly = !local }));

    private static WebhookValidator Validator(WebhookHttp http, bool local, string? origin = null, bool? httpsOnly = null) => new(
        http,
        Options.Create(new WebhookSettings { AllowPrivateAddresses = local, HttpsOnly = httpsOnly ?? !local, Origin = origin }),
        Options.Create(new DeliverySettings { Timeout = TimeSpan.FromSeconds(5) }),
        Options.Create(new EventSettings()));
}
