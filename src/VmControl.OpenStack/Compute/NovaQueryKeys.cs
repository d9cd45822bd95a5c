using System.Collections.Frozen;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// The query parameters Nova's list schemas know (<c>schemas/servers.py</c> <c>index_query_v275</c>,
/// <c>schemas/flavors.py</c> <c>index_query_v275</c>). Below 2.75 Nova drops unknown ones; from 2.75 they are a 400.
/// Known but unused ones (most server filters) are accepted and, as before, ignored.
/// </summary>
public static class NovaQueryKeys
{
    public static FrozenSet<string> Servers { get; } = new[]
    {
        "user_id", "project_id", "tenant_id", "launch_index", "image_ref", "image", "kernel_id", "ramdisk_id", "hostname",
        "key_name", "power_state", "vm_state", "task_state", "host", "node", "flavor", "reservation_id", "launched_at",
        "terminated_at", "availability_zone", "name", "display_name", "description", "display_description", "locked_by",
        "uuid", "root_device_name", "config_drive", "access_ip_v4", "access_ip_v6", "auto_disk_config", "progress",
        "sort_key", "sort_dir", "all_tenants", "soft_deleted", "deleted", "status", "changes-since", "ip", "ip6",
        "created_at", "limit", "marker", "tags", "tags-any", "not-tags", "not-tags-any", "changes-before", "locked",

        // Joined-table fields: in the schema so that Nova can refuse them as filters later.
        "block_device_mapping", "services", "metadata", "system_metadata", "info_cache", "security_groups", "pci_devices",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Flavors { get; } =
        new[] { "limit", "marker", "is_public", "minRam", "minDisk", "sort_key", "sort_dir" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nova's 400 for a parameter the version's schema does not allow, or null.</summary>
    public static NovaResult? Unknown(IQueryCollection query, FrozenSet<string> known, NovaVersion version)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(known);
        if (!version.AtLeast("2.75"))
        {
            return null;
        }

        // The schema lets "_" parameters through (the list then refuses them as filters).
        return query.Keys.FirstOrDefault(k => !known.Contains(k) && !k.StartsWith('_')) is { } unknown
            ? NovaResult.Fault(400, $"Invalid input for query parameters {unknown}. Additional properties are not allowed ('{unknown}' was unexpected)")
            : null;
    }
}
