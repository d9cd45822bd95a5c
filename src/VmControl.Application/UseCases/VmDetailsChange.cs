namespace VmControl.Application.UseCases;

/// <summary>
/// A change of a VM's labels (Nova's <c>PUT /servers/{id}</c>): the display name, the description and the access
/// addresses. Null leaves a field as it is; a <see cref="TextPatch"/> with a null value removes it (the name cannot be removed).
/// </summary>
public sealed record VmDetailsChange(
    string? Name = null,
    TextPatch? Description = null,
    TextPatch? AccessIPv4 = null,
    TextPatch? AccessIPv6 = null)
{
    public bool IsEmpty => Name is null && Description is null && AccessIPv4 is null && AccessIPv6 is null;

    /// <summary>The first field that breaks the rules of <see cref="VmValidation"/>, or null.</summary>
    public CommandResult.Invalid? Validate() =>
        (Name is null ? null : VmValidation.Name(Name))
        ?? VmValidation.Details(Description?.Value, AccessIPv4?.Value, AccessIPv6?.Value);

    public VmRecord ApplyTo(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm with
        {
            Name = Name ?? vm.Name,
            Description = Description is null ? vm.Description : Description.Value,
            AccessIPv4 = AccessIPv4 is null ? vm.AccessIPv4 : AccessIPv4.Value,
            AccessIPv6 = AccessIPv6 is null ? vm.AccessIPv6 : AccessIPv6.Value,
        };
    }
}
