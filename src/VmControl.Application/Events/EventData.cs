using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmControl.Application.Events;

/// <summary>Builds the JSON data of an event; every field is camelCase, states by their wire names, and absent values null.</summary>
internal static class EventData
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static JsonObject Statuses(VmStatus status) => new()
    {
        ["vmState"] = status.VmState.ToWire(),
        ["taskState"] = status.TaskState?.ToWire(),
        ["powerState"] = status.PowerState.ToWire(),
    };

    public static JsonObject? Error(ActionError? error) =>
        error is null ? null : new JsonObject { ["code"] = error.Code, ["message"] = error.Message };

    public static string Text(JsonObject data) => data.ToJsonString(Options);
}
