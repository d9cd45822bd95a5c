using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

public sealed partial class ComputeApi
{
    private const string ResetReason = "os-resetState through the Compute API";

    /// <summary><c>POST /servers/{id}/action</c>: each action with Nova's status code and body (docs/openstack.md).</summary>
    public async Task<NovaResult> ServerActionAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, fault) = await ReadBodyAsync(request).ConfigureAwait(false);
        if (fault is not null)
        {
            return fault;
        }

        var (action, unknown) = ServerAction.Parse(body!);
        if (unknown is not null)
        {
            return unknown;
        }

        if (action!.NovaName == "rebuild" && DescriptionBefore219(action.Arguments, request.Version) is { } early)
        {
            return early;
        }

        // Nova's conflict messages name the compute API method: 'stop', not 'os-stop'.
        var verb = action!.NovaName.StartsWith("os-", StringComparison.Ordinal) ? action.NovaName[3..] : action.NovaName;
        if (action.Action is not { } vmAction)
        {
            return action.NovaName == "os-resetState"
                ? await ResetStateAsync(request, id, action.Arguments).ConfigureAwait(false)
                : await LockAsync(request, id, action).ConfigureAwait(false);
        }

        var (parameters, invalid) = Parameters(vmAction, action.Arguments);
        if (invalid is not null)
        {
            return invalid;
        }

        if (vmAction == VmAction.Reboot && NovaJson.Text(action.Arguments, "type")!.Equals("HARD", StringComparison.OrdinalIgnoreCase))
        {
            vmAction = VmAction.RebootHard;
        }

        var result = await requestAction.RequestAsync(
            new ActionRequest(id, vmAction, parameters, null, request.Acting, request.RequestId), request.Aborted).ConfigureAwait(false);
        return result switch
        {
            CommandResult.Accepted accepted when action.NovaName == "rebuild" => await RebuildAnswerAsync(request, action, accepted).ConfigureAwait(false),
            CommandResult.Accepted accepted => Success(request, action, accepted),
            CommandResult.AlreadyDeleting { Finished: false } => NovaResult.Empty(202),
            CommandResult.AlreadyDeleting => NovaResult.ServerNotFound(id),
            _ => CommandFaults.For(result, verb, id),
        };
    }

    private NovaResult Success(ComputeRequest request, ServerAction action, CommandResult.Accepted accepted) => action.NovaName switch
    {
        "rescue" => NovaResult.Json(200, new JsonObject { ["adminPass"] = NovaJson.Text(action.Arguments, "adminPass") ?? NewPassword() }),
        // Before 2.45 createImage answers with the image's URL in Location, from 2.45 with {"image_id"}; VmControl has
        // no image service, so the image is named after the snapshot action.
        "createImage" => request.Version.AtLeast("2.45")
            ? NovaResult.Json(202, new JsonObject { ["image_id"] = accepted.Action.Id })
            : new NovaResult(202, null, Location(FlavorView.Bookmark(request.ComputeUrl) + "/images/" + accepted.Action.Id)),
        _ => NovaResult.Empty(action.SuccessStatus),
    };

    /// <summary>
    /// Rebuild's 202 shows the server as it will be: the new image, and the new name and labels the body gave, which
    /// are applied (as <c>PUT /servers/{id}</c> would) once the rebuild is accepted.
    /// </summary>
    private async Task<NovaResult> RebuildAnswerAsync(ComputeRequest request, ServerAction action, CommandResult.Accepted accepted)
    {
        var vm = accepted.Vm with { Image = NovaJson.Text(action.Arguments, "imageRef")! };
        var (labels, _) = Labels(action.Arguments);
        var details = labels! with { Name = NovaJson.Text(action.Arguments, "name") };
        if (!details.IsEmpty)
        {
            var renamed = await changeSafeguards.ChangeAsync(new SafeguardChange(vm.Id, request.Acting, Details: details), request.Aborted).ConfigureAwait(false);
            vm = details.ApplyTo(renamed is CommandResult.Updated updated ? vm with { UpdatedAt = updated.Vm.UpdatedAt } : vm);
        }

        var server = view.Render(vm, request, ServerViewKind.Rebuild);
        server["adminPass"] = NovaJson.Text(action.Arguments, "adminPass") ?? NewPassword();
        if (request.Version.AtLeast("2.57"))
        {
            // VmControl keeps no user data, so the rebuilt server has none.
            server["user_data"] = null;
        }

        return NovaResult.Json(202, new JsonObject { ["server"] = server });
    }

    /// <summary>The action's arguments as VmControl parameters, or the 400 Nova's schema gives.</summary>
    private (Dictionary<string, string>? Parameters, NovaResult? Fault) Parameters(VmAction action, JsonObject arguments)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (action)
        {
            case VmAction.Reboot:
                var type = NovaJson.Text(arguments, "type");
                if (type is null || !(type.Equals("SOFT", StringComparison.OrdinalIgnoreCase) || type.Equals("HARD", StringComparison.OrdinalIgnoreCase)))
                {
                    return (null, NovaResult.Fault(400, "Invalid input for field/attribute type. Value: " + (type ?? "None") + ". 'type' must be one of SOFT, HARD"));
                }

                break;
            case VmAction.Resize:
                var flavorRef = NovaJson.Text(arguments, "flavorRef");
                if (flavors.ById(flavorRef) is not { } flavor)
                {
                    return (null, NovaResult.Fault(400, flavorRef is null ? "Invalid input for field/attribute resize. 'flavorRef' is a required property" : "Unable to locate requested flavor."));
                }

                parameters["size"] = flavor.SizeName;
                break;
            case VmAction.Rebuild:
                if (NovaJson.Text(arguments, "imageRef") is not { } image)
                {
                    return (null, NovaResult.Fault(400, "Invalid input for field/attribute rebuild. 'imageRef' is a required property"));
                }

                // A new name and labels are checked before the rebuild starts, and applied once it is accepted.
                if (arguments.ContainsKey("name") && VmValidation.Name(NovaJson.Text(arguments, "name")) is { } badName)
                {
                    return (null, NovaResult.Fault(400, $"Invalid input for field/attribute name. {badName.Message}"));
                }

                if (Labels(arguments).Fault is { } badLabel)
                {
                    return (null, badLabel);
                }

                if (AdminPass(arguments).Fault is { } badPass)
                {
                    return (null, badPass);
                }

                parameters["image"] = image;
                break;
            case VmAction.Snapshot:
                if (NovaJson.Text(arguments, "name") is not { } imageName)
                {
                    return (null, NovaResult.Fault(400, "Invalid input for field/attribute createImage. 'name' is a required property"));
                }

                parameters["name"] = imageName;
                break;
        }

        return (parameters, null);
    }

    /// <summary>
    /// <c>lock</c> (with Nova 2.73's optional <c>locked_reason</c>) and <c>unlock</c>: 202, or 409 when an admin's lock
    /// stands in the way of a non-admin.
    /// </summary>
    private async Task<NovaResult> LockAsync(ComputeRequest request, string id, ServerAction action)
    {
        var locking = action.NovaName == "lock";
        var (reason, invalid) = locking ? LockReason(action.Arguments, request.Version) : (null, null);
        if (invalid is not null)
        {
            return invalid;
        }

        var result = await changeSafeguards.ChangeAsync(
            new SafeguardChange(id, request.Acting, Lock: locking, LockReason: reason), request.Aborted).ConfigureAwait(false);
        return result is CommandResult.Updated ? NovaResult.Empty(202) : CommandFaults.For(result, action.NovaName, id);
    }

    /// <summary>
    /// Nova's <c>lock_v273</c> schema: from 2.73 the body may give a <c>locked_reason</c> of 1-255 characters and nothing
    /// else; before 2.73 anything goes and a reason is ignored, as Nova ignores it.
    /// </summary>
    private static (string? Reason, NovaResult? Fault) LockReason(JsonObject arguments, NovaVersion version)
    {
        if (!version.AtLeast("2.73"))
        {
            return (null, null);
        }

        if (arguments.Select(a => a.Key).FirstOrDefault(k => k != "locked_reason") is { } unexpected)
        {
            return (null, NovaResult.Fault(400, $"Invalid input for field/attribute lock. Additional properties are not allowed ('{unexpected}' was unexpected)"));
        }

        if (!arguments.ContainsKey("locked_reason"))
        {
            return (null, null);
        }

        return NovaJson.Text(arguments, "locked_reason") is { Length: >= 1 and <= 255 } reason
            ? (reason, null)
            : (null, NovaResult.Fault(400, "Invalid input for field/attribute locked_reason. Value must be a string of 1 to 255 characters."));
    }

    /// <summary><c>os-resetState</c> (admin): vm_state to active or error, no hypervisor call; 202 as Nova.</summary>
    private async Task<NovaResult> ResetStateAsync(ComputeRequest request, string id, JsonObject arguments)
    {
        if (!request.Caller.IsAdmin)
        {
            return NovaResult.Fault(403, "Policy doesn't allow os_compute_api:os-admin-actions:reset_state to be performed.");
        }

        var state = NovaJson.Text(arguments, "state");
        if (state is not ("active" or "error"))
        {
            return NovaResult.Fault(400, "Invalid input for field/attribute state. Value: " + (state ?? "None") + ". 'state' must be one of active, error");
        }

        var result = await resetVmState.ResetAsync(
            new ResetStateRequest(id, state, ResetReason, null, request.Acting, request.RequestId), request.Aborted).ConfigureAwait(false);
        return result is CommandResult.Reset ? NovaResult.Empty(202) : CommandFaults.For(result, "resetState", id);
    }
}
