using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VmControl.OpenStack.Tests.Support;

/// <summary>Keeps every formatted log line with its event id, so tests can see what was logged (and what was not).</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((eventId.Id, formatter(state, exception)));
    }
}
