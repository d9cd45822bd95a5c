namespace VmControl.Application.UseCases;

/// <summary>A field a merge patch names: <see cref="Value"/> is the new text, null to remove it. A field left out is no patch (null).</summary>
public sealed record TextPatch(string? Value);
