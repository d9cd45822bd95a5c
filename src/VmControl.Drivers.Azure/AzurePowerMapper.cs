namespace VmControl.Drivers.Azure;

/// <summary>Maps instance-view status codes (<c>PowerState/*</c>, <c>ProvisioningState/*</c>, <c>HibernationState/*</c>) to power.</summary>
internal static class AzurePowerMapper
{
    private const string PowerPrefix = "PowerState/";
    private const string ProvisioningPrefix = "ProvisioningState/";
    private const string HibernatedCode = "HibernationState/Hibernated";

    public static AzurePowerStatus Map(IEnumerable<string?> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        string? power = null;
        string? provisioning = null;
        string? provisioningError = null;
        var hibernated = false;
        foreach (var code in codes)
        {
            if (code is null)
            {
                continue;
            }

            if (code.StartsWith(PowerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                power = code[PowerPrefix.Length..].ToLowerInvariant();
            }
            else if (code.StartsWith(ProvisioningPrefix, StringComparison.OrdinalIgnoreCase))
            {
                // "ProvisioningState/failed/AllocationFailed": the tail is the platform's error code.
                var parts = code[ProvisioningPrefix.Length..].Split('/', 2);
                provisioning = parts[0].ToLowerInvariant();
                provisioningError = parts.Length > 1 ? parts[1] : null;
            }
            else if (string.Equals(code, HibernatedCode, StringComparison.OrdinalIgnoreCase))
            {
                hibernated = true;
            }
        }

        var (state, detail) = MapPower(power, hibernated);
        return new AzurePowerStatus(state, detail, provisioning, provisioningError);
    }

    private static (PowerState State, string? Detail) MapPower(string? power, bool hibernated) => power switch
    {
        "running" => (PowerState.Running, power),

        // A hibernated VM is deallocated with its memory on disk: that is what Nova calls suspended.
        "deallocated" when hibernated => (PowerState.Suspended, "hibernated"),
        "stopped" or "deallocated" => (PowerState.Shutdown, power),

        // Transitions report the state the machine is really in until they finish; the detail says where it is heading.
        "starting" => (PowerState.Shutdown, power),
        "stopping" or "deallocating" => (PowerState.Running, power),

        // "unknown", or no PowerState at all (it goes missing transiently): nothing trustworthy to report.
        _ => (PowerState.NoState, power),
    };
}
