namespace VmControl.Application.UseCases;

/// <summary>A change to a VM's tags through the tag API: replace them all, add one, or remove one (tag strings, <see cref="TagText"/>).</summary>
public sealed record TagChange(string VmId, TagChangeKind Kind, IReadOnlyList<string> Tags, Caller Caller, string? IfMatch = null);
