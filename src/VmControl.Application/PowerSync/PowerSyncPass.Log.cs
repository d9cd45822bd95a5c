using Microsoft.Extensions.Logging;

namespace VmControl.Application.PowerSync;

internal sealed partial class PowerSyncPass
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Power sync: VM {VmId} power {Before} -> {After}")]
    private static partial void LogPowerChanged(ILogger logger, string vmId, string before, string after);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Power sync: opened {Kind} alert {AlertId} for VM {VmId}")]
    private static partial void LogAlertOpened(ILogger logger, string vmId, string kind, string alertId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Power sync: resolved the {Kind} alert of VM {VmId}")]
    private static partial void LogAlertResolved(ILogger logger, string vmId, string kind);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Power sync: healing VM {VmId} with {Action} (action {ActionId})")]
    private static partial void LogHealed(ILogger logger, string vmId, string actionId, string action);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "Power sync: VM {VmId} is {VmState} but {PowerState}; no heal in the lifecycle, alert only")]
    private static partial void LogNotHealed(ILogger logger, string vmId, string vmState, string powerState);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Power sync: heal of VM {VmId} not started ({Result})")]
    private static partial void LogHealRefused(ILogger logger, string vmId, string result);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "Power sync: reclaiming soft-deleted VM {VmId} (action {ActionId})")]
    private static partial void LogReclaimed(ILogger logger, string vmId, string actionId);

    [LoggerMessage(EventId = 215, Level = LogLevel.Information, Message = "Power sync: reclaim of VM {VmId} not started ({Result})")]
    private static partial void LogReclaimRefused(ILogger logger, string vmId, string result);

    [LoggerMessage(EventId = 216, Level = LogLevel.Information, Message = "Power sync: heal or reclaim of VM {VmId} left to a later pass: the rate budget {Scope} has no token before {RetryAt}")]
    private static partial void LogDeferred(ILogger logger, string vmId, string scope, DateTimeOffset? retryAt);
}
