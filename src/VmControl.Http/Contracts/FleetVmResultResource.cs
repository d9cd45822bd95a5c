using VmControl.Application.Fleet;
using VmControl.Domain;

namespace VmControl.Http.Contracts;

/// <summary>One VM's result in a fleet operation: its tier (0: not placed, e.g. not found), status, action and why.</summary>
public sealed record FleetVmResultResource(string VmId, int Tier, string Status, string? ActionId, string? Code, string? Message)
{
    public static FleetVmResultResource From(FleetVmResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.VmId, r.Tier, r.Status.ToWire(), r.ActionId, r.Code, r.Message);
    }
}
