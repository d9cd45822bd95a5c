using CsCheck;

namespace VmControl.Reliability.Tests.Fuzz;

/// <summary>Every route of docs/api.md as a generator of bad requests, over the given existing VMs and random ids.</summary>
public static class FuzzRoutes
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static Gen<FuzzRequest> For(IReadOnlyList<string> existingVms)
    {
        ArgumentNullException.ThrowIfNull(existingVms);
        var vm = Gen.OneOf(existingVms.Select(Gen.Const).ToArray());
        var vmOrId = Gen.Frequency((2, vm), (1, FuzzGens.Id));
        var h = FuzzGens.Headers;
        return Gen.Frequency(
            (3, Gen.Select(FuzzGens.CreateBody, h).Select(x => Post("create", "/api/vms", x.Item1, x.Item2))),
            (1, FuzzGens.Id.Select(id => Get("get-vm", $"/api/vms/{id}"))),
            (2, FuzzGens.BadQuery.Select(q => Get("list-vms", $"/api/vms?{q}"))),
            (4, Gen.Select(vmOrId, FuzzGens.ActionBody, h).Select(x => Post("action", $"/api/vms/{x.Item1}/actions", x.Item2, x.Item3))),
            (1, Gen.Select(FuzzGens.Id, h).Select(x => new FuzzRequest("delete", "DELETE", $"/api/vms/{x.Item1}", null, x.Item2, true))),
            // An existing VM is only ever deleted with an If-Match that cannot be its ETag: 412, nothing changes.
            (1, Gen.Select(vm, FuzzGens.Ascii).Select(x => new FuzzRequest("delete-if-match", "DELETE", $"/api/vms/{x.Item1}", null,
                new Dictionary<string, string> { ["If-Match"] = "\"stale-" + x.Item2 + "\"" }, true))),
            (2, Gen.Select(vmOrId, FuzzGens.ResetBody, h).Select(x => Post("reset-state", $"/api/vms/{x.Item1}/reset-state", x.Item2, x.Item3))),
            (1, Gen.Select(vmOrId, FuzzGens.BadQuery).Select(x => Get("list-actions", $"/api/vms/{x.Item1}/actions?{x.Item2}"))),
            (1, Gen.Select(vmOrId, FuzzGens.Id).Select(x => Get("get-action", $"/api/vms/{x.Item1}/actions/{x.Item2}"))),
            // A patch that names no flag of its own, and a lock whose reason is too long: both refused, the VM unchanged.
            (1, Gen.Select(vmOrId, FuzzGens.JsonValue.Where(b => !b.Contains("Protection", StringComparison.Ordinal)), h)
                .Select(x => new FuzzRequest("patch", "PATCH", $"/api/vms/{x.Item1}", x.Item2, x.Item3, true))),
            (1, Gen.Select(vmOrId, Gen.Int[256, 4000], h).Select(x => Post("lock", $"/api/vms/{x.Item1}/lock", $$"""{"reason":"{{new string('r', x.Item2)}}"}""", x.Item3))),
            (1, FuzzGens.BadQuery.Select(q => Get("list-alerts", $"/api/alerts?{q}"))),
            (1, Gen.Select(FuzzGens.Id, FuzzGens.JsonValue, h).Select(x => Post("acknowledge", $"/api/alerts/{x.Item1}/acknowledge", x.Item2, x.Item3))),
            (1, FuzzGens.BadQuery.Select(q => Get("lifecycle", $"/api/lifecycle?{q}"))),
            (1, FuzzGens.BadQuery.Select(q => Get("health", $"/api/health?{q}"))),
            // Admin, and it legitimately runs with any body; the snapshot check still proves it changed no record here.
            (1, FuzzGens.JsonValue.Select(b => new FuzzRequest("power-sync", "POST", "/api/power-sync", b, NoHeaders, false))),
            (1, Gen.Select(FuzzGens.SettingsBody, h).Select(x => new FuzzRequest("simulator-settings", "PUT", "/api/simulator/settings", x.Item1, x.Item2, true))),
            (1, Gen.Select(FuzzGens.FaultBody, h).Select(x => Post("simulator-faults", "/api/simulator/faults", x.Item1, x.Item2))),
            (1, Gen.Select(vmOrId, FuzzGens.PowerBody, h).Select(x => Post("simulator-power", $"/api/simulator/vms/{x.Item1}/power-state", x.Item2, x.Item3))),
            (1, Gen.Select(FuzzGens.MachineBody, h).Select(x => Post("simulator-machines", "/api/simulator/machines", x.Item1, x.Item2))),
            (1, Gen.Select(vmOrId, FuzzGens.JsonValue).Select(x => new FuzzRequest("wrong-method", "PUT", $"/api/vms/{x.Item1}", x.Item2, NoHeaders, true))),
            (1, FuzzGens.JsonValue.Select(b => new FuzzRequest("wrong-method", "PUT", "/api/vms", b, NoHeaders, true))));
    }

    private static FuzzRequest Post(string route, string path, string body, IReadOnlyDictionary<string, string> headers) =>
        new(route, "POST", path, body, headers, true);

    private static FuzzRequest Get(string route, string path) => new(route, "GET", path, null, NoHeaders, false);
}
