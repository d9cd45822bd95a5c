namespace VmControl.Functions.Tests.Metadata;

/// <summary>One function in <c>functions.metadata</c>: its name, the method the host invokes, and its bindings.</summary>
/// <param name="Name">The function's name (the <c>[Function]</c> attribute's).</param>
/// <param name="ScriptFile">The assembly the host loads.</param>
/// <param name="EntryPoint">The method, <c>Namespace.Type.Method</c>.</param>
/// <param name="Bindings">The trigger, then the other bindings.</param>
public sealed record FunctionMetadata(string Name, string ScriptFile, string EntryPoint, IReadOnlyList<BindingMetadata> Bindings)
{
    /// <summary>The function's one trigger; throws when it has none or several.</summary>
    public BindingMetadata Trigger => Bindings.Single(b => b.IsTrigger);

    /// <summary>Whether the function has a binding of <paramref name="type"/>.</summary>
    public bool Binds(string type) => Bindings.Any(b => b.Type == type);
}
