using System.Text.Json;

namespace VmControl.Drivers.Azure;

/// <summary>
/// What <see cref="HypervisorOperation.OperationId"/> carries for Azure. ArmOperation.Rehydrate does not exist in
/// Azure.ResourceManager 1.7.0, so the driver keeps ARM's own polling URL (Azure-AsyncOperation or Location) and
/// polls it itself; an activity restart loses nothing.
/// </summary>
/// <param name="Kind"><see cref="AsyncKind"/>, <see cref="LocationKind"/>, or <see cref="DoneKind"/> (nothing to poll: read the VM).</param>
/// <param name="Url">ARM's polling URL, null for <see cref="DoneKind"/>.</param>
/// <param name="Then">A second step after the first finishes (<see cref="PowerOnStep"/> for a hard reboot), or null.</param>
internal sealed record AzureOperationHandle(string Kind, string? Url, string? Then = null)
{
    public const string AsyncKind = "async";
    public const string LocationKind = "location";
    public const string DoneKind = "done";
    public const string PowerOnStep = "powerOn";

    private const string Prefix = "azure1:";

    public static AzureOperationHandle Done { get; } = new(DoneKind, Url: null);

    public string Encode() => Prefix + JsonSerializer.Serialize(this);

    public static AzureOperationHandle Decode(string operationId)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        if (operationId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            try
            {
                var handle = JsonSerializer.Deserialize<AzureOperationHandle>(operationId[Prefix.Length..]);
                if (handle is not null && (handle.Url is not null || handle.Kind == DoneKind))
                {
                    return handle;
                }
            }
            catch (JsonException)
            {
                // Falls through to the same refusal as any other foreign id.
            }
        }

        throw AzureErrors.Permanent("invalid_operation", "The operation id was not issued by the Azure driver.");
    }
}
