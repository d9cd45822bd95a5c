namespace VmControl.Application.Tasks;

/// <summary>How the attempt to start an accepted task's orchestration ended.</summary>
public enum StartOutcome
{
    /// <summary>The orchestration is scheduled.</summary>
    Started,

    /// <summary>An earlier orchestration still holds the VM's instance id past the hand-over wait.</summary>
    Busy,

    /// <summary>A hard delete took the VM before the orchestration started: nothing was started.</summary>
    Preempted,
}
