namespace VmControl.Application.Events;

/// <summary>The <c>Events:Delivery</c> settings (docs/configuration.md): retries, back-off, timeouts and bounds of delivery.</summary>
public sealed class DeliverySettings
{
    public const string Section = "Events:Delivery";

    /// <summary>The retry budget of a target that sets none (a subscription may set 1-50): attempts before a dead letter.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The back-off cap after the first failed attempt; it doubles per attempt up to <see cref="MaxBackoff"/>, with full jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests in flight at once to one target (each VM still gets one at a time).</summary>
    public int ConcurrencyPerTarget { get; set; } = 8;

    /// <summary>Events one process holds at most; past it new events wait in the outbox for recovery (a log says so).</summary>
    public int MaxHeldEvents { get; set; } = 10_000;

    /// <summary>How often the subscriptions are read again (changes made through this process apply at once).</summary>
    public TimeSpan SubscriptionRefresh { get; set; } = TimeSpan.FromSeconds(30);
}
