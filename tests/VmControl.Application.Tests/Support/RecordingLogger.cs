using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VmControl.Application.Tests.Support;

/// <summary>A logger that keeps every entry, to see which failure a component logged under which event.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(EventId Event, LogLevel Level, Exception? Exception)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((eventId, logLevel, exception));
}
