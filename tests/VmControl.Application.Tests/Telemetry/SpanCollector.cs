using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace VmControl.Application.Tests.Telemetry;

/// <summary>An in-memory exporter safe to read while spans still end on other threads (the engine's, the server's).</summary>
public sealed class SpanCollector : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> ended = new();

    public IReadOnlyCollection<Activity> Ended => ended.ToArray();

    public override void OnEnd(Activity data) => ended.Enqueue(data);
}
