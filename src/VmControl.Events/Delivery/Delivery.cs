namespace VmControl.Events.Delivery;

/// <summary>
/// One event queued for one target; <see cref="Held"/> is null for a replayed dead letter (its outbox row is long gone),
/// which <see cref="Replayed"/> marks: its dead letter is removed once it is delivered.
/// </summary>
internal sealed record Delivery(VmEvent Event, HeldEvent? Held, bool Replayed = false);
