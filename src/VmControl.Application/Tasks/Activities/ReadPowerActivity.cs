using Microsoft.DurableTask;
using VmControl.Application.Ports;

namespace VmControl.Application.Tasks.Activities;

/// <summary>Reads one machine's power state (after a failed reboot, whose failure rule depends on it).</summary>
public sealed class ReadPowerActivity(IHypervisorDriver driver) : TaskActivity<string, PowerReading>
{
    public override async Task<PowerReading> RunAsync(TaskActivityContext context, string input)
    {
        try
        {
            return await driver.GetPowerStateAsync(input).ConfigureAwait(false);
        }
        catch (HypervisorException ex) when (ex.Transient)
        {
            throw new TransientFailureException(ex.Message, ex);
        }
    }
}
