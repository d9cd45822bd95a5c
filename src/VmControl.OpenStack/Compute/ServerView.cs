using VmControl.Application.Model;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// Nova's server views (<c>nova/api/openstack/compute/views/servers.py</c>, <c>ViewBuilder.show</c>) for every
/// microversion from 2.1 to 2.96, field for field: Tempest's schemas allow nothing more and nothing less. A server's
/// <c>tenant_id</c> is its VM's project. Where VmControl has no concept Nova's empty value is shown: no addresses,
/// volumes, security groups, server groups, key pair, kernel or ramdisk; the host is the VM's driver.
/// </summary>
public sealed class ServerView(FlavorCatalog flavors)
{
    private static readonly HashSet<string> ProgressStatuses = ["ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING"];

    public static JsonObject Brief(VmRecord vm, string computeUrl)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return new JsonObject { ["id"] = vm.Id, ["name"] = vm.Name, ["links"] = Links(vm.Id, computeUrl) };
    }

    /// <summary>The show and detail-list view at the request's microversion.</summary>
    public JsonObject Detail(VmRecord vm, ComputeRequest request) => Render(vm, request, ServerViewKind.Show);

    public JsonObject Render(VmRecord vm, ComputeRequest request, ServerViewKind kind)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(request);
        var version = request.Version;
        var caller = request.Caller;

        // Before 2.75 the answers to PUT and rebuild carry only the base fields (Nova's show_all_attributes).
        var all = kind is ServerViewKind.Show or ServerViewKind.DetailList || version.AtLeast("2.75");
        var server = Base(vm, request);
        if (all)
        {
            server["OS-EXT-AZ:availability_zone"] = "nova";
            server["config_drive"] = string.Empty;
            server["key_name"] = null;
            server["OS-SRV-USG:launched_at"] = vm.VmState == VmState.Initialized ? null : NovaJson.DbTime(vm.CreatedAt);
            server["OS-SRV-USG:terminated_at"] = null;
        }
        else if (kind == ServerViewKind.Rebuild && version.AtLeast("2.54"))
        {
            server["key_name"] = null;
        }

        // Nova shows these to admins only (policy os_compute_api:os-extended-server-attributes).
        var extended = all && caller.IsAdmin;
        if (extended)
        {
            AddExtendedAttributes(server, vm, version, userData: kind != ServerViewKind.Rebuild);
        }

        if (all)
        {
            server["OS-EXT-STS:task_state"] = NovaStates.TaskState(vm.TaskState);
            server["OS-EXT-STS:vm_state"] = NovaStates.VmState(vm.VmState);
            server["OS-EXT-STS:power_state"] = (int)vm.PowerState;
            server["os-extended-volumes:volumes_attached"] = new JsonArray();
        }

        AddVersioned(server, vm, request, kind, all, extended);
        return server;
    }

    private static void AddExtendedAttributes(JsonObject server, VmRecord vm, NovaVersion version, bool userData)
    {
        server["OS-EXT-SRV-ATTR:host"] = vm.Driver;
        server["OS-EXT-SRV-ATTR:hypervisor_hostname"] = vm.Driver;
        server["OS-EXT-SRV-ATTR:instance_name"] = vm.ExternalId ?? vm.Id;
        if (!version.AtLeast("2.3"))
        {
            return;
        }

        // VmControl has no reservations, kernels, ramdisks or user data: Nova's values for an instance without them.
        server["OS-EXT-SRV-ATTR:hostname"] = NovaHostname.Of(vm);
        server["OS-EXT-SRV-ATTR:kernel_id"] = string.Empty;
        server["OS-EXT-SRV-ATTR:launch_index"] = 0;
        server["OS-EXT-SRV-ATTR:ramdisk_id"] = string.Empty;
        server["OS-EXT-SRV-ATTR:reservation_id"] = string.Empty;
        server["OS-EXT-SRV-ATTR:root_device_name"] = null;
        if (userData)
        {
            server["OS-EXT-SRV-ATTR:user_data"] = null;
        }
    }

    private static void AddVersioned(JsonObject server, VmRecord vm, ComputeRequest request, ServerViewKind kind, bool all, bool extended)
    {
        var version = request.Version;
        if (version.AtLeast("2.9"))
        {
            server["locked"] = vm.Locked;
        }

        // host_status: admins only (policy show:host_status); "" for a server on no host yet, as Nova's HostStatus.NONE.
        if (version.AtLeast("2.16") && all && request.Caller.IsAdmin)
        {
            server["host_status"] = vm.ExternalId is null ? string.Empty : "UP";
        }

        if (version.AtLeast("2.19"))
        {
            server["description"] = vm.Description;
        }

        if (version.AtLeast("2.26"))
        {
            server["tags"] = new JsonArray([.. TagText.Of(vm.Tags).Order(StringComparer.Ordinal).Select(t => (JsonNode)t)]);
        }

        if (version.AtLeast("2.63"))
        {
            server["trusted_image_certificates"] = null;
        }

        if (version.AtLeast("2.71") && kind != ServerViewKind.DetailList)
        {
            server["server_groups"] = new JsonArray();
        }

        if (version.AtLeast("2.73"))
        {
            server["locked_reason"] = vm.Locked ? vm.LockedReason : null;
        }

        // 2.90 shows the hostname to everyone; admins already have it among the extended attributes.
        if (version.AtLeast("2.90") && !extended)
        {
            server["OS-EXT-SRV-ATTR:hostname"] = NovaHostname.Of(vm);
        }

        if (version.AtLeast("2.96") && all)
        {
            server["pinned_availability_zone"] = null;
        }
    }

    /// <summary>The fields every server view has (the whole answer to PUT and rebuild before 2.75).</summary>
    private JsonObject Base(VmRecord vm, ComputeRequest request)
    {
        var computeUrl = request.ComputeUrl;
        var status = NovaStates.Status(vm.VmState, vm.TaskState);
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
            ["user_id"] = request.Caller.UserId,
            ["metadata"] = metadata,
            ["hostId"] = string.Empty,
            ["image"] = new JsonObject
            {
                ["id"] = vm.Image,
                ["links"] = new JsonArray(FlavorView.Link("bookmark", FlavorView.Bookmark(computeUrl) + "/images/" + vm.Image)),
            },
            ["flavor"] = Flavor(vm, request),
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

    /// <summary>A reference to the flavor before 2.47; from 2.47 the flavor itself, with its (empty) extra specs for every reader.</summary>
    private JsonObject Flavor(VmRecord vm, ComputeRequest request)
    {
        var flavor = flavors.BySize(vm.Size);
        if (!request.Version.AtLeast("2.47"))
        {
            return FlavorView.Reference(flavor?.Id ?? vm.Size, request.ComputeUrl);
        }

        return new JsonObject
        {
            ["vcpus"] = flavor?.Vcpus ?? 0,
            ["ram"] = flavor?.Ram ?? 0,
            ["disk"] = flavor?.Disk ?? 0,
            ["ephemeral"] = 0,
            ["swap"] = 0,
            ["original_name"] = flavor?.Name ?? vm.Size,
            ["extra_specs"] = new JsonObject(),
        };
    }

    public static JsonArray Links(string id, string computeUrl) =>
        [FlavorView.Link("self", computeUrl + "/servers/" + id), FlavorView.Link("bookmark", FlavorView.Bookmark(computeUrl) + "/servers/" + id)];
}
