namespace VmControl.Http.Tests.Fakes;

/// <summary>Accepts every URL unless told otherwise: the real rules and handshake are VmControl.Events.Tests' subject.</summary>
public sealed class FakeWebhookValidator : IWebhookValidator
{
    public WebhookRefusal? Refusal { get; set; }

    public Task<WebhookRefusal?> ValidateAsync(string url, CancellationToken cancellationToken = default) => Task.FromResult(Refusal);
}
