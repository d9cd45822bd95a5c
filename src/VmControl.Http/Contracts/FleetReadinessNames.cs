using VmControl.Application.Fleet;

namespace VmControl.Http.Contracts;

/// <summary>The readiness conditions' wire names, camelCase as the rest of the body (<c>actionEnded</c>, <c>powerRunning</c>, <c>vmState</c>).</summary>
public static class FleetReadinessNames
{
    public static string ToCamel(this FleetReadinessCondition condition) => condition switch
    {
        FleetReadinessCondition.PowerRunning => "powerRunning",
        FleetReadinessCondition.VmState => "vmState",
        _ => "actionEnded",
    };

    public static bool TryParse(string? wire, out FleetReadinessCondition condition)
    {
        condition = wire switch
        {
            null or "actionEnded" => FleetReadinessCondition.ActionEnded,
            "powerRunning" => FleetReadinessCondition.PowerRunning,
            "vmState" => FleetReadinessCondition.VmState,
            _ => (FleetReadinessCondition)(-1),
        };
        return Enum.IsDefined(condition);
    }
}
