namespace VmControl.Drivers.Azure;

/// <summary>
/// Which existing VMs a create may adopt: only those in the configured subscription and managed resource groups.
/// The app's identity may well be able to read and tag VMs elsewhere (a broad role given for another purpose); adopting
/// one would put a machine nobody meant to hand over under this control plane, where a delete removes it.
/// </summary>
internal static class AzureAdoptScope
{
    /// <summary>Throws a permanent <c>adopt_out_of_scope</c> error, before any read or write, for a VM outside the scope.</summary>
    public static void Require(AzureDriverOptions options, ResourceIdentifier vm)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(vm);
        var groups = Groups(options);
        var inSubscription = options.SubscriptionId.Length > 0
            && string.Equals(vm.SubscriptionId, options.SubscriptionId, StringComparison.OrdinalIgnoreCase);
        if (!inSubscription || vm.ResourceGroupName is not { } group || !groups.Contains(group, StringComparer.OrdinalIgnoreCase))
        {
            throw AzureErrors.Permanent(
                "adopt_out_of_scope",
                $"Only VMs in subscription '{options.SubscriptionId}' and resource groups [{string.Join(", ", groups)}] may be adopted "
                + "(settings Azure__SubscriptionId, Azure__ResourceGroup, Azure__ManagedResourceGroups).");
        }
    }

    /// <summary><see cref="AzureDriverOptions.ResourceGroup"/> and <see cref="AzureDriverOptions.ManagedResourceGroups"/>, without blanks.</summary>
    public static IReadOnlyList<string> Groups(AzureDriverOptions options) =>
        [.. new[] { options.ResourceGroup }
            .Concat((options.ManagedResourceGroups ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(g => g.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}
