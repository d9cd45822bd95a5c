namespace VmControl.Storage;

/// <summary>A <see cref="VmQuery"/>'s conditions checked on one record, for listings that do not filter in the table.</summary>
internal static class VmQueryMatch
{
    public static bool Matches(VmQuery query, VmRecord vm) =>
        (query.VmState is not { } state || vm.VmState == state)
        && (query.TaskState is not { } task || vm.TaskState == task)
        && (query.PowerState is not { } power || vm.PowerState == power)
        && (!query.IdleOnly || vm.TaskState is null)
        && (query.Project is not { } project || vm.Project == project)
        && (!query.ExcludeHardDeleted || vm.VmState != VmState.HardDeleted)
        && (string.IsNullOrEmpty(query.NamePrefix) || vm.Name.StartsWith(query.NamePrefix, StringComparison.Ordinal))
        && (query.Tags is not { } tags || tags.Matches(vm.Tags));
}
