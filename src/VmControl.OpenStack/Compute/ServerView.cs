using VmControl.Application.Model;
using Caller = VmControl.OpenStack.Identity.Caller;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// Nova's server views at microversion 2.1 (<c>nova/api/openstack/compute/views/servers.py</c>), field for field:
/// Tempest's schemas allow nothing more (so <c>locked</c>, a 2.9 field, is not shown yet). A server's <c>tenant_id</c> is
/// its VM's project; VmControl has no networks or volumes, so a server has no addresses and no volumes.
/// </summary>
public sealed class ServerView(FlavorCatalog flavors)
{
    private static readonly HashSet<string> ProgressStatuses = ["ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING"];

    public static JsonObject Brief(VmRecord vm, string computeUrl)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return new JsonObject { ["id"] = vm.Id, ["name"] = vm.Name, ["links"] = Links(vm.Id, computeUrl) };
    }

    /// <summary>The show and detail-list view.</summary>
    public JsonObject Detail(VmRecord vm, Caller caller, string computeUrl)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(caller);
        var server = Base(vm, caller, computeUrl);
        server["OS-EXT-AZ:availability_zone"] = "nova";
        server["config_drive"] = string.Empty;
        server["key_name"] = null;
        server["OS-SRV-USG:launched_at"] = vm.VmState == VmState.Initialized ? null : NovaJson.DbTime(vm.CreatedAt);
        server["OS-SRV-USG:terminated_at"] = null;
        if (caller.IsAdmin)
        {
            // Nova shows these to admins only (policy os_compute_api:os-extended-server-attributes).
            server["OS-EXT-SRV-ATTR:host"] = vm.Driver;
            server["OS-EXT-SRV-ATTR:hypervisor_hostname"] = vm.Driver;
            server["OS-EXT-SRV-ATTR:instance_name"] = vm.ExternalId ?? vm.Id;
        }

        server["OS-EXT-STS:task_state"] = NovaStates.TaskState(vm.TaskState);
        server["OS-EXT-STS:vm_state"] = NovaStates.VmState(vm.VmState);
        server["OS-EXT-STS:power_state"] = (int)vm.PowerState;
        server["os-extended-volumes:volumes_attached"] = new JsonArray();
        return server;
    }

    /// <summary>The view without the extensions: the rebuild answer before 2.75.</summary>
    public JsonObject Base(VmRecord vm, Caller caller, string computeUrl)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(caller);
        var status = NovaStates.Status(vm.VmState, vm.TaskState);
        var flavorId = flavors.BySize(vm.Size)?.Id ?? vm.Size;
        var metadata = new JsonObject();
        foreach (var (key, value) in vm.Tags)
        {
            metadata[key] = value;
        }

        var server = new JsonObject
        {
            ["id"] = vm.Id,
            ["name"] = vm.Name,
            ["status"] = status,
            ["tenant_id"] = Identity.KeystoneIds.Of("project", vm.Project),
            ["user_id"] = caller.UserId,
            ["metadata"] = metadata,
            ["hostId"] = string.Empty,
            ["image"] = new JsonObject
            {
                ["id"] = vm.Image,
                ["links"] = new JsonArray(FlavorView.Link("bookmark", FlavorView.Bookmark(computeUrl) + "/images/" + vm.Image)),
            },
            ["flavor"] = FlavorView.Reference(flavorId, computeUrl),
            ["created"] = NovaJson.Time(vm.CreatedAt),
            ["updated"] = NovaJson.Time(vm.UpdatedAt),
            ["addresses"] = new JsonObject(),
            ["accessIPv4"] = vm.AccessIPv4 ?? string.Empty,
            ["accessIPv6"] = vm.AccessIPv6 ?? string.Empty,
            ["links"] = Links(vm.Id, computeUrl),
            ["OS-DCF:diskConfig"] = "MANUAL",
        };
        if (ProgressStatuses.Contains(status))
        {
            server["progress"] = 0;
        }

        return server;
    }

    public static JsonArray Links(string id, string computeUrl) =>
        [FlavorView.Link("self", computeUrl + "/servers/" + id), FlavorView.Link("bookmark", FlavorView.Bookmark(computeUrl) + "/servers/" + id)];
}
