using System.Text.Json;
using VmControl.Application.UseCases;

namespace VmControl.Http.Contracts;

/// <summary>
/// The body of <c>PATCH /api/vms/{id}</c> (JSON merge patch): a field left out stays as it is. The text fields are
/// read as raw JSON so that a field left out (<see cref="JsonValueKind.Undefined"/>) and one set to null (remove it)
/// stay apart.
/// </summary>
public sealed record VmPatchBody(
    bool? DeleteProtection = null,
    bool? StopProtection = null,
    JsonElement Name = default,
    JsonElement Description = default,
    JsonElement AccessIPv4 = default,
    JsonElement AccessIPv6 = default)
{
    /// <summary>The label change the body asks for (null: none), or the field that is not a string (or a null name).</summary>
    public (VmDetailsChange? Details, string? WrongField) Details()
    {
        if (Name.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.String))
        {
            return (null, "name");
        }

        foreach (var (field, value) in new[] { ("description", Description), ("accessIPv4", AccessIPv4), ("accessIPv6", AccessIPv6) })
        {
            if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, field);
            }
        }

        var details = new VmDetailsChange(
            Name.ValueKind == JsonValueKind.String ? Name.GetString() : null, Patch(Description), Patch(AccessIPv4), Patch(AccessIPv6));
        return (details.IsEmpty ? null : details, null);
    }

    private static TextPatch? Patch(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined => null,
        JsonValueKind.Null => new TextPatch(null),
        _ => new TextPatch(value.GetString()),
    };
}
