namespace VmControl.Events.Delivery;

/// <summary>One event queued for one target; <see cref="Held"/> is null for a replayed dead letter (its outbox row is long gone).</summary>
internal sealed record Delivery(VmEvent Event, HeldEvent? Held);
