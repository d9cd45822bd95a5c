using Microsoft.DurableTask;
using VmControl.Application.Tasks.Activities;

namespace VmControl.Application.Tasks.V1;

/// <summary>
/// The begin step under its old name and answer shape, for <see cref="VmTaskOrchestratorV1"/> instances still in flight:
/// the same steps as <see cref="BeginVmTaskActivity"/>, flattened into <see cref="BeginOutcomeV1"/>. Steps the begin
/// could not write are dropped (the flat shape cannot carry them): the old orchestrator still follows the operation and
/// ends it by its failure rule, which is what keeps the VM and the hypervisor agreeing. Remove with
/// <see cref="VmTaskOrchestratorV1"/>.
/// </summary>
public sealed class BeginVmTaskActivityV1(IVmStore store, IActionLog log, IHypervisorDriver driver, TimeProvider time)
    : TaskActivity<VmTaskInput, BeginOutcomeV1>
{
    private readonly BeginVmTaskActivity begin = new(store, log, driver, time);

    /// <summary>The name the old orchestrator calls.</summary>
    public const string Name = "BeginVmTaskActivity";

    public override async Task<BeginOutcomeV1> RunAsync(TaskActivityContext context, VmTaskInput input)
    {
        return await begin.RunAsync(context, input).ConfigureAwait(false) switch
        {
            BeginOutcome.Ended ended => new BeginOutcomeV1(Outcome: ended.Outcome),
            BeginOutcome.HypervisorDone done => new BeginOutcomeV1(Finish: done.Finish),
            BeginOutcome.InProgress running => new BeginOutcomeV1(Operation: running.Operation, Wait: running.Wait, ActionRow: running.ActionRow),
            var other => throw new InvalidOperationException($"Unknown begin outcome {other.GetType().Name}."),
        };
    }
}
