namespace VmControl.LocalHost.Tests;

/// <summary>The real host process with a bad setting: it stops at start, naming the setting, instead of serving with it.</summary>
public sealed class SettingsAtStartTests
{
    [Fact]
    public async Task Start_WithANonPositiveTaskDeadline_ExitsNamingTheSetting()
    {
        using var timeout = TestTimeout.Start();

        var message = await FailedStart.ExitMessageAsync(new LocalHostStart { Arguments = ["--Tasks:DefaultDeadline=00:00:00"] }, timeout.Token);

        Assert.Contains("Tasks:DefaultDeadline must be a positive time span", message, StringComparison.Ordinal);
    }
}
