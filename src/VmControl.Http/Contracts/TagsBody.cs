namespace VmControl.Http.Contracts;

/// <summary>The body of <c>PUT /api/vms/{id}/tags</c>, and the answer of every tag route: the VM's tags as Nova's tag strings.</summary>
public sealed record TagsBody(IReadOnlyList<string>? Tags);
