namespace VmControl.Events.Stream;

/// <summary>An event as a stream client gets it: the event and its CloudEvent JSON on one line (serialized once for all clients).</summary>
public sealed record StreamedEvent(VmEvent Event, string Json);
