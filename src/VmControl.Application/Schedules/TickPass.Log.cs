using Microsoft.Extensions.Logging;

namespace VmControl.Application.Schedules;

internal sealed partial class TickPass
{
    [LoggerMessage(EventId = 1902, Level = LogLevel.Information, Message = "Schedule {ScheduleId} issued {Action} ({ActionId}) on VM {VmId} for boundary {Boundary}")]
    private static partial void LogIssued(ILogger logger, string vmId, string actionId, string action, string scheduleId, string boundary);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Debug, Message = "Schedule {ScheduleId} skipped VM {VmId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string vmId, string scheduleId, string reason);

    [LoggerMessage(EventId = 1904, Level = LogLevel.Information, Message = "Schedule {ScheduleId} left VM {VmId} to a later tick: no rate-budget token before {RetryAt}")]
    private static partial void LogDeferred(ILogger logger, string vmId, string scheduleId, DateTimeOffset? retryAt);

    [LoggerMessage(EventId = 1905, Level = LogLevel.Warning, Message = "Schedule {ScheduleId} deviation on VM {VmId}: alert {AlertId} opened")]
    private static partial void LogDeviation(ILogger logger, string vmId, string scheduleId, string alertId);

    [LoggerMessage(EventId = 1906, Level = LogLevel.Information, Message = "Schedule deviation on VM {VmId} resolved")]
    private static partial void LogDeviationResolved(ILogger logger, string vmId);
}
