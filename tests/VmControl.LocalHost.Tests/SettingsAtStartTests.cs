namespace VmControl.LocalHost.Tests;

/// <summary>The real host process with a bad setting: it stops at start, naming the setting, instead of serving with it.</summary>
public sealed class SettingsAtStartTests
{
    [Fact]
    public async Task Start_WithANonPositiveTaskDeadline_ExitsNamingTheSetting()
    {
        using var timeout = TestTimeout.Start();
        var identity = LocalHostIdentity.New();
        try
        {
            LocalHostProcess? started = null;
            var thrown = await Record.ExceptionAsync(async () =>
                started = await LocalHostProcess.StartAsync(identity, ["--Tasks:DefaultDeadline=00:00:00"], timeout.Token));
            if (started is not null)
            {
                // A host that started anyway must not outlive the test.
                await started.DisposeAsync();
            }

            var failure = Assert.IsType<InvalidOperationException>(thrown);
            Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
            Assert.Contains("Tasks:DefaultDeadline must be a positive time span", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await AzuriteCleanup.DeleteAsync(identity, CancellationToken.None);
        }
    }
}
