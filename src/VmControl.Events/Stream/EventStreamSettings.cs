namespace VmControl.Events.Stream;

/// <summary>The <c>Events:Stream</c> settings of the server-sent events stream (docs/configuration.md).</summary>
public sealed class EventStreamSettings
{
    public const string Section = "Events:Stream";

    /// <summary>
    /// How many events one client may have waiting to be written. A client that falls this far behind is dropped (its
    /// stream ends, it reconnects) rather than slowing delivery or the other clients.
    /// </summary>
    public int BufferSize { get; set; } = 256;

    /// <summary>How long a stream may stay silent before a <c>: keep-alive</c> comment is written (proxies close idle ones).</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}
