namespace VmControl.Application.Ports;

/// <summary>The events each target gave up on, per target, oldest first.</summary>
public interface IDeadLetterStore
{
    /// <summary>Adds (or, for an event already there, replaces) a dead letter.</summary>
    Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeadLetter>> ListAsync(string targetId, CancellationToken cancellationToken = default);

    /// <summary>Removes dead letters of a target; ids already gone are fine.</summary>
    Task DeleteAsync(string targetId, IReadOnlyList<string> eventIds, CancellationToken cancellationToken = default);
}
