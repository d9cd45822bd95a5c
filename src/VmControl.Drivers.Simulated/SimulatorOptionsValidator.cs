using Microsoft.Extensions.Options;

namespace VmControl.Drivers.Simulated;

/// <summary>Fails the host's start (ValidateOnStart) on a bad simulator setting, not its first hypervisor call.</summary>
internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Errors().ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
