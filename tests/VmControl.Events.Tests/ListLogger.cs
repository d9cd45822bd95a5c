using Microsoft.Extensions.Logging;

namespace VmControl.Events.Tests;

/// <summary>A logger that keeps what it is told, to check that a failure was logged (and at which level).</summary>
public sealed class ListLogger : ILogger<VmControl.Events.Stream.EventStreamHub>
{
    private readonly List<(LogLevel Level, string Message)> entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (entries)
        {
            entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
