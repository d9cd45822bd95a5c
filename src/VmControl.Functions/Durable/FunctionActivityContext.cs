using Microsoft.DurableTask;

namespace VmControl.Functions.Durable;

/// <summary>The activity context the shared activities expect, built from the Functions invocation.</summary>
public sealed class FunctionActivityContext(string name, FunctionContext function) : TaskActivityContext
{
    public override TaskName Name { get; } = new(name);

    public override string InstanceId { get; } =
        function?.BindingContext.BindingData.TryGetValue("instanceId", out var id) == true ? id?.ToString() ?? string.Empty : string.Empty;
}
