using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using PowerPage = VmControl.Application.Model.Page<VmControl.Application.Ports.PowerReading>;

namespace VmControl.Drivers.Azure;

/// <summary>Reads power: one VM through its instance view, all of them through the <c>statusOnly</c> list.</summary>
internal sealed class AzurePowerReader(ArmClient arm, AzureDriverOptions options, Uri endpoint, TimeProvider clock)
{
    public async Task<(PowerReading Reading, AzurePowerStatus Status)> ReadAsync(string externalId, CancellationToken cancellationToken)
    {
        var id = AzureIds.VirtualMachine(externalId);
        try
        {
            var response = await arm.GetVirtualMachineResource(id)
                .GetAsync(InstanceViewType.InstanceView, cancellationToken)
                .ConfigureAwait(false);
            return ToReading(externalId, response.Value.Data);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The machine is gone (or never was): the port reports that as nostate, not as a failure.
            var status = new AzurePowerStatus(PowerState.NoState, "not_found", null, null);
            return (new PowerReading(externalId, null, PowerState.NoState, "not_found", clock.GetUtcNow()), status);
        }
    }

    public async Task<PowerPage> ListAsync(string? continuationToken, CancellationToken cancellationToken)
    {
        var nextLink = AzureContinuationToken.Unwrap(continuationToken, endpoint);
        var subscription = arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(options.SubscriptionId));
        var pages = subscription
            .GetVirtualMachinesAsync(statusOnly: "true", filter: null, expand: null, cancellationToken)
            .AsPages(nextLink, options.PageSizeHint);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            // One ARM page per call: the caller keeps the token and comes back for the next.
            var items = page.Values
                .Where(InScope)
                .Select(vm => ToReading(vm.Id.ToString(), vm.Data).Reading)
                .ToList();
            return new PowerPage(items, AzureContinuationToken.Wrap(page.ContinuationToken));
        }

        return new PowerPage([], null);
    }

    private bool InScope(VirtualMachineResource vm) =>
        options.ListScope == AzureListScope.Subscription
        || string.Equals(vm.Id.ResourceGroupName, options.ResourceGroup, StringComparison.OrdinalIgnoreCase);

    private (PowerReading Reading, AzurePowerStatus Status) ToReading(string externalId, VirtualMachineData data)
    {
        var codes = data.InstanceView?.Statuses.Select(s => s.Code) ?? [];
        var status = AzurePowerMapper.Map(codes);
        var vmId = data.Tags.TryGetValue(AzureTags.VmId, out var tagged) ? tagged : null;
        return (new PowerReading(externalId, vmId, status.PowerState, status.Detail, clock.GetUtcNow()) { Allocated = AzurePowerStatus.IsAllocated(status.Detail) }, status);
    }
}
