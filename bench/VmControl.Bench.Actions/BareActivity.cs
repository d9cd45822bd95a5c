using Microsoft.DurableTask;

namespace VmControl.Bench.Actions;

public sealed class BareActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
}
