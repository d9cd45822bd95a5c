namespace VmControl.Application.Model;

/// <summary>One step of a task (e.g. <c>hypervisor.begin</c>, <c>hypervisor.poll</c>), with its result.</summary>
public sealed record ActionEvent(string Step, DateTimeOffset At, string Result, string? Detail = null)
{
    public const string CompletedStep = "hypervisor.complete";

    /// <summary>The history step of a hypervisor operation that ended.</summary>
    public static ActionEvent Completed(OperationProgress progress, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new(
            CompletedStep,
            at,
            progress.State == OperationState.Succeeded ? "ok" : "error",
            progress.Error?.Message ?? progress.Power?.Detail);
    }
}
