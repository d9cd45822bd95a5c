using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Application.PowerSync;
using VmControl.Application.Settings;

namespace VmControl.Application.Tests.Settings;

/// <summary>The sections both hosts bind (<c>Tasks</c>, <c>PowerSync</c>), checked when the host starts, as the hosts wire them.</summary>
public sealed class SettingsAtStartTests
{
    [Theory]
    [InlineData("Tasks:DefaultDeadline", "00:00:00", "Tasks:DefaultDeadline must be a positive time span")]
    [InlineData("Tasks:DefaultDeadline", "-00:01:00", "Tasks:DefaultDeadline must be a positive time span")]
    [InlineData("Tasks:Deadlines:create", "00:00:00", "Tasks:Deadlines:create must be a positive time span")]
    [InlineData("Tasks:Deadlines:stpo", "00:05:00", "Tasks:Deadlines:stpo names no action")]
    [InlineData("Tasks:PreemptWait", "-00:00:01", "Tasks:PreemptWait must not be negative")]
    [InlineData("Tasks:LockHandoverWait", "-00:00:01", "Tasks:LockHandoverWait must not be negative")]
    [InlineData("PowerSync:MismatchPasses", "0", "PowerSync:MismatchPasses must be 1-")]
    [InlineData("PowerSync:PageSize", "1001", "PowerSync:PageSize must be 1-1000")]
    [InlineData("PowerSync:PageSize", "0", "PowerSync:PageSize must be 1-1000")]
    [InlineData("PowerSync:OrphanGrace", "-00:00:01", "PowerSync:OrphanGrace must not be negative")]
    [InlineData("PowerSync:StuckGrace", "-00:00:01", "PowerSync:StuckGrace must not be negative")]
    [InlineData("PowerSync:Schedule", " ", "PowerSync:Schedule must be a CRON schedule")]
    public async Task Start_WithABadSetting_FailsNamingTheSetting(string key, string value, string message)
    {
        using var host = Build(new Dictionary<string, string?> { [key] = value });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithTheDefaults_Starts()
    {
        using var host = Build([]);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_BindsTheSections_AndConfigureAppliesAfterThem()
    {
        using var host = Build(
            new Dictionary<string, string?>
            {
                ["Tasks:Deadlines:stop"] = "00:02:00",
                ["Tasks:PreemptWait"] = "00:00:03",
                ["PowerSync:MismatchPasses"] = "4",
                ["PowerSync:HealPolicy"] = "Heal",
            },
            tasks => tasks.LockHandoverWait = TimeSpan.FromSeconds(7));

        await host.StartAsync();

        var tasks = host.Services.GetRequiredService<IOptions<TaskSettings>>().Value;
        var power = host.Services.GetRequiredService<IOptions<PowerSyncSettings>>().Value;
        Assert.Equal((TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7)), (tasks.DeadlineOf(Domain.VmAction.Stop), tasks.PreemptWait, tasks.LockHandoverWait));
        Assert.Equal((4, HealPolicy.Heal), (power.MismatchPasses, power.HealPolicy));
        await host.StopAsync();
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<TaskSettings>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.BindVmControlSettings(builder.Configuration);
        builder.Services.AddVmControlApplication(configure);
        builder.Services.AddVmControlPowerSync();
        return builder.Build();
    }
}
