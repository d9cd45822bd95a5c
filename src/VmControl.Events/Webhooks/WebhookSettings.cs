namespace VmControl.Events.Webhooks;

/// <summary>
/// The <c>Events:Webhooks</c> settings (docs/configuration.md). The defaults differ by host: the Functions app takes
/// https only and public addresses only; the LocalHost, a developer's machine, takes plain http and loopback too.
/// </summary>
public sealed class WebhookSettings
{
    public const string Section = "Events:Webhooks";

    /// <summary>Only https URLs may be subscribed.</summary>
    public bool HttpsOnly { get; set; } = true;

    /// <summary>
    /// Whether a URL may resolve to a loopback, private, link-local, unique-local, CGNAT, unspecified or multicast
    /// address. Off, every address is checked when the subscription is created and again on every connection.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>The <c>WebHook-Request-Origin</c> of the validation handshake; unset, the host of <c>Events:Source</c>.</summary>
    public string? Origin { get; set; }
}
