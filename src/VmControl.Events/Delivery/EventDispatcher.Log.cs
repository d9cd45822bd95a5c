using Microsoft.Extensions.Logging;

namespace VmControl.Events.Delivery;

public sealed partial class EventDispatcher
{
    [LoggerMessage(EventId = 920, Level = LogLevel.Debug, Message = "Event {EventId} ({Type}) of {Subject} delivered to {TargetId} at attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string targetId, string subject, string eventId, string type, int attempt);

    [LoggerMessage(EventId = 921, Level = LogLevel.Information, Message = "Event {EventId} of {Subject} to {TargetId}: attempt {Attempt} failed ({Error}); next in {Wait}")]
    private static partial void LogRetry(ILogger logger, string targetId, string subject, string eventId, int attempt, string error, TimeSpan wait);

    [LoggerMessage(EventId = 922, Level = LogLevel.Warning, Message = "Event {EventId} of {Subject} dead-lettered for {TargetId} after {Attempts} attempts ({Error})")]
    private static partial void LogDeadLettered(ILogger logger, string targetId, string subject, string eventId, int attempts, string error);

    [LoggerMessage(EventId = 923, Level = LogLevel.Warning, Message = "The dead letter of event {EventId} for {TargetId} could not be stored; trying again")]
    private static partial void LogDeadLetterUnstored(ILogger logger, Exception exception, string targetId, string eventId);

    [LoggerMessage(EventId = 924, Level = LogLevel.Warning, Message = "{Count} delivered events could not be settled in the outbox; trying again")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 925, Level = LogLevel.Warning, Message = "Delivery holds {Limit} events (Events:Delivery:MaxHeldEvents): event {EventId} of {Subject} and later ones wait in the outbox for recovery")]
    private static partial void LogFull(ILogger logger, int limit, string subject, string eventId);

    [LoggerMessage(EventId = 926, Level = LogLevel.Warning, Message = "The subscriptions could not be read; delivery keeps the last list it read and tries again")]
    private static partial void LogSubscriptionsUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 927, Level = LogLevel.Warning, Message = "Replay of event {EventId}: target {TargetId} is gone")]
    private static partial void LogReplayDropped(ILogger logger, string targetId, string eventId);

    [LoggerMessage(EventId = 928, Level = LogLevel.Warning, Message = "Observer {Observer} failed on event {EventId}")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer, string eventId);

    [LoggerMessage(EventId = 929, Level = LogLevel.Warning, Message = "Replayed event {EventId} was delivered to {TargetId}, but its dead letter could not be removed; it stays listed")]
    private static partial void LogDeadLetterNotForgotten(ILogger logger, Exception exception, string targetId, string eventId);
}
