namespace VmControl.Reliability.Tests.Support;

/// <summary>One row of lifecycle.md's table: action, allowed-from vm_states, success and failure rules (as keywords).</summary>
public sealed record OracleRow(string Action, IReadOnlyList<string> AllowedFrom, string Success, string Failure);
