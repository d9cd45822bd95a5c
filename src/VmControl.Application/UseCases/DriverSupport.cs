namespace VmControl.Application.UseCases;

/// <summary>The driver-capability step of a command: 422 before anything is written when the active driver cannot do the action.</summary>
public static class DriverSupport
{
    public static CommandResult.Unsupported? Refuses(this IHypervisorDriver driver, VmAction action)
    {
        ArgumentNullException.ThrowIfNull(driver);
        return driver.Capabilities.Supports(action)
            ? null
            : new(action, driver.Name, driver.Capabilities.Unsupported.GetValueOrDefault(action, "The driver cannot do this action."));
    }
}
