namespace VmControl.Application.Ports;

/// <summary>Why a webhook URL was refused: a rule it breaks (<see cref="Handshake"/> false) or a failed handshake.</summary>
public sealed record WebhookRefusal(bool Handshake, string Message);
