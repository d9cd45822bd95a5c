using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VmControl.Application.Ports;

namespace VmControl.Http;

/// <summary>
/// Deletes expired <c>Idempotency-Key</c> rows every <see cref="Interval"/>, at most <see cref="MaxRowsPerPass"/> a
/// pass: Table Storage has no expiry, and without this every key ever sent would stay stored for good. Bounded so
/// that a backlog is worked off over several passes instead of one long burst of deletes.
/// </summary>
public sealed partial class IdempotencySweeper(IIdempotencyStore store, TimeProvider time, ILogger<IdempotencySweeper> logger) : BackgroundService
{
    public const int MaxRowsPerPass = 500;

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    /// <summary>One pass; returns how many rows it deleted (0 when the store did not answer: the next pass tries again).</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await store.SweepExpiredAsync(time.GetUtcNow(), MaxRowsPerPass, cancellationToken).ConfigureAwait(false);
            if (deleted > 0)
            {
                LogSwept(logger, deleted);
            }

            return deleted;
        }
        catch (StoreUnavailableException ex)
        {
            LogSweepFailed(logger, ex);
            return 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 480, Level = LogLevel.Information, Message = "Swept {Deleted} expired idempotency rows")]
    private static partial void LogSwept(ILogger logger, int deleted);

    [LoggerMessage(EventId = 481, Level = LogLevel.Warning, Message = "The idempotency sweep could not reach the store; the next pass tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
