namespace VmControl.Application.Events;

/// <summary>The <c>Events</c> settings the stores and recovery read (delivery has its own, docs/configuration.md).</summary>
public sealed class EventSettings
{
    public const string Section = "Events";

    /// <summary>
    /// Whether writes publish events into the outbox. Off only to measure what events cost (bench/): with it off,
    /// nothing is published and nothing is delivered.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The CloudEvents <c>source</c> of every event: the deployment (a URI reference). Unset: <c>https://</c> and the
    /// Functions app's host name in Azure (<c>WEBSITE_HOSTNAME</c>), else <c>urn:vmcontrol:</c> and the machine's name.
    /// </summary>
    public Uri? Source { get; set; }

    public Uri ResolvedSource => Source
        ?? (Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") is { Length: > 0 } host
            ? new Uri("https://" + host)
            : new Uri("urn:vmcontrol:" + Uri.EscapeDataString(Environment.MachineName.ToLowerInvariant())));

    /// <summary>How long an event may wait in the outbox before recovery hands it to delivery again (its writer died).</summary>
    public TimeSpan RecoverAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far before the watermark recovery still looks, for clocks and writes that straddle a pass.</summary>
    public TimeSpan RecoverySlack { get; set; } = TimeSpan.FromMinutes(5);
}
