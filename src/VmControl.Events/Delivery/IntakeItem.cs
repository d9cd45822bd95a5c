namespace VmControl.Events.Delivery;

/// <summary>What the intake loop takes: an outbox event to match and queue, or a dead letter replayed to one target.</summary>
internal sealed record IntakeItem(HeldEvent? Held, DeadLetter? Replay);
