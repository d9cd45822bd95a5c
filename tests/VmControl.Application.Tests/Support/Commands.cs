namespace VmControl.Application.Tests.Support;

/// <summary>The use cases of a <see cref="TaskSystem"/> behind one name each, so tests read as the requests they make.</summary>
public sealed class Commands(IServiceProvider services)
{
    public Task<CommandResult> CreateAsync(CreateVmRequest request) =>
        services.GetRequiredService<CreateVm>().CreateAsync(request);

    public Task<CommandResult> RequestActionAsync(ActionRequest request) =>
        services.GetRequiredService<RequestAction>().RequestAsync(request);

    public Task<CommandResult> DeleteAsync(string vmId, string? ifMatch, string requestedBy) =>
        services.GetRequiredService<DeleteVm>().DeleteAsync(vmId, ifMatch, Caller.System(requestedBy));

    public Task<CommandResult> DeleteAsync(string vmId, string? ifMatch, Caller caller) =>
        services.GetRequiredService<DeleteVm>().DeleteAsync(vmId, ifMatch, caller);

    public Task<CommandResult> ChangeSafeguardsAsync(SafeguardChange change) =>
        services.GetRequiredService<ChangeSafeguards>().ChangeAsync(change);

    public Task<CommandResult> ResetStateAsync(ResetStateRequest request) =>
        services.GetRequiredService<ResetVmState>().ResetAsync(request);
}
