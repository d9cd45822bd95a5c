namespace VmControl.Application.Events;

/// <summary>The table whose partition holds an outbox row: always the table of the change that caused the event.</summary>
public enum OutboxTable
{
    Vms,
    Actions,
    Alerts,

    /// <summary>The fleet operations' table: their events wait in the one partition of the operations.</summary>
    Fleet,
}
