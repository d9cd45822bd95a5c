namespace VmControl.Application.UseCases;

/// <summary>
/// A new VM. <see cref="Placement"/> carries what a driver needs beside the basics (the Azure driver's ARM placement or
/// <c>resourceId</c>); <see cref="RequestId"/> is the caller's request id, stored on the create action.
/// </summary>
public sealed record CreateVmRequest(
    string? Name,
    string? Size,
    string? Image,
    IReadOnlyDictionary<string, string>? Tags = null,
    IReadOnlyDictionary<string, string>? Placement = null,
    string RequestedBy = "anonymous",
    string? RequestId = null);
