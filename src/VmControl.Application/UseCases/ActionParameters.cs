namespace VmControl.Application.UseCases;

/// <summary>The parameters each action takes (docs/api.md): resize needs a size, snapshot and backup a name, rebuild may name an image.</summary>
public static class ActionParameters
{
    public static CommandResult.Invalid? Validate(VmAction action, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return action switch
        {
            VmAction.Resize => VmValidation.Text("size", parameters.GetValueOrDefault("size"), 1, 256),
            VmAction.Snapshot or VmAction.Backup => VmValidation.Text("name", parameters.GetValueOrDefault("name"), 1, 256),
            VmAction.Rebuild when parameters.TryGetValue("image", out var image) => VmValidation.Text("image", image, 1, 256),
            _ => null,
        };
    }

    /// <summary>Checks that need the VM: a resize to the size it already has is refused (as Nova does).</summary>
    public static CommandResult.Invalid? ValidateAgainst(VmAction action, IReadOnlyDictionary<string, string> parameters, VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(vm);
        return action == VmAction.Resize && parameters.GetValueOrDefault("size") == vm.Size
            ? new("size", $"The VM already has size '{vm.Size}'.")
            : null;
    }
}
