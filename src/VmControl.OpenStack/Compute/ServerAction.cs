namespace VmControl.OpenStack.Compute;

/// <summary>
/// One <c>POST /servers/{id}/action</c> body, parsed: Nova's name for it, the VmControl action (null for
/// os-resetState, lock and unlock, which are not lifecycle actions), its parameters, and the status Nova answers with.
/// </summary>
public sealed record ServerAction(string NovaName, VmAction? Action, JsonObject Arguments, int SuccessStatus)
{
    /// <summary>The Nova actions this facade serves: name → (VmControl action, success status).</summary>
    public static IReadOnlyDictionary<string, (VmAction? Action, int Status)> Known { get; } = new Dictionary<string, (VmAction?, int)>(StringComparer.Ordinal)
    {
        ["os-start"] = (VmAction.Start, 202),
        ["os-stop"] = (VmAction.Stop, 202),
        ["reboot"] = (VmAction.Reboot, 202),
        ["pause"] = (VmAction.Pause, 202),
        ["unpause"] = (VmAction.Unpause, 202),
        ["suspend"] = (VmAction.Suspend, 202),
        ["resume"] = (VmAction.Resume, 202),
        ["rescue"] = (VmAction.Rescue, 200),
        ["unrescue"] = (VmAction.Unrescue, 202),
        ["resize"] = (VmAction.Resize, 202),
        ["confirmResize"] = (VmAction.ConfirmResize, 204),
        ["revertResize"] = (VmAction.RevertResize, 202),
        ["rebuild"] = (VmAction.Rebuild, 202),
        ["createImage"] = (VmAction.Snapshot, 202),
        ["forceDelete"] = (VmAction.Delete, 202),
        ["restore"] = (VmAction.Restore, 202),
        ["os-resetState"] = (null, 202),
        ["lock"] = (null, 202),
        ["unlock"] = (null, 202),
    };

    /// <summary>The first key Nova knows wins, as in Nova's action dispatch; <c>null</c> and <c>{}</c> are both an empty argument.</summary>
    public static (ServerAction? Action, NovaResult? Fault) Parse(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var (name, value) in body)
        {
            if (!Known.TryGetValue(name, out var known))
            {
                continue;
            }

            if (value is not null and not JsonObject)
            {
                return (null, NovaResult.Fault(400, $"Invalid input for field/attribute {name}. Value: {value.ToJsonString()}. It is not of type 'object'"));
            }

            return (new ServerAction(name, known.Action, value as JsonObject ?? [], known.Status), null);
        }

        return (null, NovaResult.Fault(400, "There is no such action: " + string.Join(", ", body.Select(p => p.Key))));
    }
}
