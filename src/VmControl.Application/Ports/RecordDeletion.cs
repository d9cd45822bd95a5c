namespace VmControl.Application.Ports;

/// <summary>What a delete of a record in an <see cref="IRecordSet{T}"/> came to.</summary>
public enum RecordDeletion
{
    Deleted,
    NotFound,

    /// <summary>The record is not at the ETag the caller named; nothing was deleted.</summary>
    Moved,
}
