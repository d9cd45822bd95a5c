namespace VmControl.OpenStack.Compute;

/// <summary>
/// Nova's answers for what VmControl has no concept of (key pairs, volumes, ports, security groups): a read is what
/// Nova answers when there is nothing (an empty list, or itemNotFound for one named item), and a write that would need
/// the concept is a 501 notImplemented, so a client learns it cannot be done here rather than that it was done.
/// </summary>
public static class Unsupported
{
    public static NovaResult EmptyList(string collection) => NovaResult.Json(200, new JsonObject { [collection] = new JsonArray() });

    public static NovaResult NotImplemented(string what) =>
        NovaResult.Fault(501, $"{what} are not supported by VmControl's compute API (docs/openstack.md lists what is out of scope).");

    public static NovaResult KeypairNotFound(string name) => NovaResult.Fault(404, $"Keypair {name} not found.");
}
