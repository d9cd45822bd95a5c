namespace VmControl.Events.Stream;

/// <summary>
/// What one stream client sees: the events of one project (null: every project, for an admin) whose type passes
/// <see cref="Types"/>. Events about machines VmControl does not know (subject <c>machines/…</c>) belong to no VM's
/// project, so only a client that sees every project gets them, as only an admin lists those alerts.
/// </summary>
public sealed record EventStreamFilter(string? Project, IReadOnlyList<string>? Types)
{
    public static EventStreamFilter Everything { get; } = new(null, null);

    public bool Matches(VmEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Project is not null
            && (!string.Equals(e.Project, Project, StringComparison.Ordinal) || !e.Subject.StartsWith("vms/", StringComparison.Ordinal)))
        {
            return false;
        }

        return EventFilter.TypeMatches(Types, e.Type);
    }
}
