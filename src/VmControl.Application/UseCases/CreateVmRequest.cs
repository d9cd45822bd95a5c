namespace VmControl.Application.UseCases;

/// <summary>
/// A new VM. <see cref="Placement"/> carries what a driver needs beside the basics (the Azure driver's ARM placement or
/// <c>resourceId</c>); <see cref="RequestId"/> is the caller's request id, stored on the create action. <see cref="Project"/>
/// may be named by admins only; others create in their own project. <see cref="Description"/> and the access addresses
/// are Nova's <c>description</c>, <c>accessIPv4</c> and <c>accessIPv6</c>.
/// </summary>
public sealed record CreateVmRequest(
    string? Name,
    string? Size,
    string? Image,
    IReadOnlyDictionary<string, string>? Tags = null,
    IReadOnlyDictionary<string, string>? Placement = null,
    Caller? Caller = null,
    string? RequestId = null,
    string? Project = null,
    bool DeleteProtection = false,
    bool StopProtection = false,
    string? Description = null,
    string? AccessIPv4 = null,
    string? AccessIPv6 = null)
{
    /// <summary>The caller, or the system actor <c>anonymous</c> when none was given.</summary>
    public Caller Actor => Caller ?? Model.Caller.System("anonymous");
}
