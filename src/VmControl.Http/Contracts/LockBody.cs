namespace VmControl.Http.Contracts;

/// <summary>The optional body of <c>POST /api/vms/{id}/lock</c>: Nova's <c>locked_reason</c>.</summary>
public sealed record LockBody(string? Reason = null);
