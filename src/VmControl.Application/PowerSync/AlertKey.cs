namespace VmControl.Application.PowerSync;

/// <summary>An alert's identity while active: at most one per VM (or machine) and kind.</summary>
internal readonly record struct AlertKey(string VmId, AlertKind Kind);
