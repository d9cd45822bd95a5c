using VmControl.Application.Model;

namespace VmControl.OpenStack.Compute;

public sealed partial class ComputeApi
{
    /// <summary><c>GET /servers/{id}/ips</c>: VmControl knows no networks of a server, so its addresses are <c>{}</c> (as in the server body).</summary>
    public async Task<NovaResult> ListAddressesAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await FindServerAsync(request, id).ConfigureAwait(false) is null
            ? NovaResult.ServerNotFound(id)
            : NovaResult.Json(200, new JsonObject { ["addresses"] = new JsonObject() });
    }

    /// <summary><c>GET /servers/{id}/ips/{network}</c>: the server is on no network, so every network is Nova's 404.</summary>
    public async Task<NovaResult> ShowNetworkAddressesAsync(ComputeRequest request, string id, string network)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await FindServerAsync(request, id).ConfigureAwait(false) is null
            ? NovaResult.ServerNotFound(id)
            : NovaResult.Fault(404, $"Instance is not a member of specified network {network}.");
    }

    /// <summary>A server sub-collection VmControl has nothing in (security groups, volume attachments, port interfaces): an empty list.</summary>
    public async Task<NovaResult> EmptyServerListAsync(ComputeRequest request, string id, string collection)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await FindServerAsync(request, id).ConfigureAwait(false) is null ? NovaResult.ServerNotFound(id) : Unsupported.EmptyList(collection);
    }

    /// <summary><c>GET /servers/{id}/os-volume_attachments/{volumeId}</c>: no volume is ever attached.</summary>
    public async Task<NovaResult> NoVolumeAttachmentAsync(ComputeRequest request, string id, string volumeId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await FindServerAsync(request, id).ConfigureAwait(false) is null
            ? NovaResult.ServerNotFound(id)
            : NovaResult.Fault(404, $"Instance {id} is not attached to volume {volumeId}.");
    }

    /// <summary>The caller's live server, or null (unknown, another project's, or hard-deleted).</summary>
    private async Task<VmRecord?> FindServerAsync(ComputeRequest request, string id)
    {
        var vm = await queries.GetVmAsync(id, request.Acting, request.Aborted).ConfigureAwait(false);
        return vm is null || vm.VmState == VmState.HardDeleted ? null : vm;
    }
}
