using VmControl.Application.Events;

namespace VmControl.Application.Ports;

/// <summary>
/// An in-process listener (the server-sent events stream): told of each event as delivery takes it, at most once and
/// with no retry. It must not block or throw; it is not part of what settles an outbox row.
/// </summary>
public interface IEventObserver
{
    void Published(VmEvent e);
}
