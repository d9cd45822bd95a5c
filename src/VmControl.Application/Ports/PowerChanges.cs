namespace VmControl.Application.Ports;

/// <summary>What an <see cref="IPowerChangeFeed"/> heard.</summary>
/// <param name="Machines">The machines (external ids; libvirt's domain UUIDs) whose power changed.</param>
/// <param name="Unheard">
/// Changes may have gone unheard (the driver connected again after an outage): only a whole pass can tell which.
/// </param>
public sealed record PowerChanges(IReadOnlyCollection<string> Machines, bool Unheard);
