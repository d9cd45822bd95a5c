namespace VmControl.Application.Events;

/// <summary>
/// One published event, as the outbox keeps it: the CloudEvents attributes VmControl decides (the <c>source</c> is the
/// deployment's, added when it is sent) and the data as JSON text. <see cref="Id"/> is fixed when the event is written,
/// so every retry of its delivery carries the same id; ids of one subject sort in the order they were written.
/// </summary>
public sealed record VmEvent(string Id, string Type, string Subject, string Project, DateTimeOffset Time, string Data)
{
    /// <summary>The subject of everything about one VM (its actions and alerts included): ordering is per subject.</summary>
    public static string SubjectOf(string vmId) => "vms/" + vmId;
}
