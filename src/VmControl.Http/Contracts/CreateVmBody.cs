namespace VmControl.Http.Contracts;

/// <summary>
/// The body of <c>POST /api/vms</c>. The Azure driver reads <see cref="ResourceId"/> (adopt) or the placement fields;
/// <see cref="Project"/> may be named by admins only.
/// </summary>
public sealed record CreateVmBody(
    string? Name,
    string? Size,
    string? Image,
    Dictionary<string, string>? Tags,
    string? ResourceId = null,
    string? Location = null,
    string? ResourceGroup = null,
    Dictionary<string, string>? Placement = null,
    string? Project = null,
    bool? DeleteProtection = null,
    bool? StopProtection = null,
    string? Description = null,
    string? AccessIPv4 = null,
    string? AccessIPv6 = null);
