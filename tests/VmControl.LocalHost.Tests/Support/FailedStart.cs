namespace VmControl.LocalHost.Tests.Support;

/// <summary>A LocalHost start that must fail: the host is started with a fresh identity and is expected to exit.</summary>
public static class FailedStart
{
    /// <summary>
    /// Starts the host and returns the failure's message (which carries the host's output) once it has exited; a host
    /// that started anyway is stopped, so it never outlives the test, and the test fails.
    /// </summary>
    public static async Task<string> ExitMessageAsync(LocalHostStart start, CancellationToken cancellationToken)
    {
        var identity = LocalHostIdentity.New();
        try
        {
            LocalHostProcess? started = null;
            var thrown = await Record.ExceptionAsync(async () => started = await LocalHostProcess.StartAsync(identity, start, cancellationToken));
            if (started is not null)
            {
                await started.DisposeAsync();
            }

            var failure = Assert.IsType<InvalidOperationException>(thrown);
            Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
            return failure.Message;
        }
        finally
        {
            await AzuriteCleanup.DeleteAsync(identity, CancellationToken.None);
        }
    }
}
