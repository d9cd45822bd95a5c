namespace VmControl.Http.Contracts;

/// <summary>The body of <c>PATCH /api/vms/{id}</c> (JSON merge patch): a flag left out stays as it is.</summary>
public sealed record VmPatchBody(bool? DeleteProtection = null, bool? StopProtection = null);
