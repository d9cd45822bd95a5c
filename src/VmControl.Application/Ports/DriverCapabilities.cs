namespace VmControl.Application.Ports;

/// <summary>What a driver can do; an action it cannot do is refused (422) before any state changes.</summary>
/// <param name="Unsupported">Each action the driver cannot do, with the reason the API gives.</param>
/// <param name="DeallocatedReadsAsNoState">Whether a stopped machine may read as nostate (lifecycle.md §3).</param>
public sealed record DriverCapabilities(IReadOnlyDictionary<VmAction, string> Unsupported, bool DeallocatedReadsAsNoState = false)
{
    public static DriverCapabilities All { get; } = new(new Dictionary<VmAction, string>());

    public bool Supports(VmAction action) => !Unsupported.ContainsKey(action);

    public IReadOnlyList<VmAction> Supported => [.. Enum.GetValues<VmAction>().Where(Supports)];
}
