namespace VmControl.Application.Model;

/// <summary>
/// What an action is and who asked for it: the part of its record that never changes, carried with its
/// <see cref="ActionState"/> so that a step's write can publish events about the action without reading it again.
/// </summary>
public sealed record ActionIdentity(string Action, string RequestedBy, string Project, VmState VmStateBefore);
