using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.OpenStack.Compute;
using IdentityCaller = VmControl.OpenStack.Identity.Caller;

namespace VmControl.OpenStack.Tests.Contract;

/// <summary>
/// The oracle: Tempest's own response schemas (tests/VmControl.OpenStack.Tests/Tempest, strict: no field more, none
/// less) over the face's answers at every microversion it claims, 2.1 to 2.96, each checked against the module
/// Tempest's service clients pick for that version. Servers (list, detail, show, create, rebuild, update), flavors
/// (list, detail, show), instance actions (list, show), tags, lock and unlock, the version documents; as an admin
/// and as a member, since the two see different fields. A few deliberately broken answers ride along and must fail,
/// so a silent validator cannot pass the test.
/// </summary>
public sealed class TempestSchemaTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEnumerable<NovaVersion> Claimed => Enumerable.Range(Microversion.Min.Minor, Microversion.Max.Minor).Select(minor => new NovaVersion(2, minor));

    [Fact]
    public async Task Every_answer_matches_tempests_schema_at_every_microversion_the_face_claims()
    {
        await using var host = await FacadeHost.StartAsync();
        var admin = await host.TokenAsync();
        var member = await host.TokenAsync("bob");

        // Servers are made in another project, so the listings of "demo" stay four servers long.
        var maker = await host.TokenAsync("otto");
        var servers = Seed(host);
        var (actionVm, requestId) = await SeedActionsAsync(host, servers[2]);
        var oracle = new TempestOracle();
        var expectedFailures = AddBrokenAnswers(oracle, host, servers[0]);

        await CollectAsync(host, oracle, "versions", "/compute", "versions", "list_versions", admin, null);
        foreach (var version in Claimed)
        {
            var v = version.ToString();
            await CollectAsync(host, oracle, "versions", "/compute/v2.1", "versions", "get_one_version", admin, v);
            foreach (var (user, token) in new[] { ("admin", admin), ("member", member) })
            {
                await CollectAsync(host, oracle, $"list {user}", "/compute/v2.1/servers", "servers", "list_servers", token, v);
                await CollectAsync(host, oracle, $"detail {user}", "/compute/v2.1/servers/detail", "servers", "list_servers_detail", token, v);
                foreach (var vm in servers)
                {
                    await CollectAsync(host, oracle, $"show {vm.Name} {user}", $"/compute/v2.1/servers/{vm.Id}", "servers", "get_server", token, v);
                    await CollectAsync(host, oracle, $"update {vm.Name} {user}", $"/compute/v2.1/servers/{vm.Id}", "servers", "update_server", token, v, "PUT",
                        JsonSerializer.Serialize(new { server = new { name = vm.Name } }));
                }

                await CollectAsync(host, oracle, $"actions {user}", $"/compute/v2.1/servers/{actionVm}/os-instance-actions", "servers", "list_instance_actions", token, v);
                await CollectAsync(host, oracle, $"action {user}", $"/compute/v2.1/servers/{actionVm}/os-instance-actions/{requestId}", "servers", "show_instance_action", token, v);
                await RebuildAsync(host, oracle, servers[0], token, user, v);
            }

            await CollectAsync(host, oracle, "create", "/compute/v2.1/servers", "actions", "create_server_with_admin_pass", maker, v, "POST",
                """{"server": {"name": "made", "imageRef": "debian", "flavorRef": "2"}}""");
            await CollectAsync(host, oracle, "flavors", "/compute/v2.1/flavors", "flavors", "list_flavors", member, v);
            await CollectAsync(host, oracle, "flavors detail", "/compute/v2.1/flavors/detail", "flavors", "list_flavors_details", member, v);
            await CollectAsync(host, oracle, "flavor", "/compute/v2.1/flavors/2", "flavors", "create_update_get_flavor_details", member, v);
            await LockAsync(host, oracle, servers[1], member, version);
            if (version.AtLeast("2.26"))
            {
                await TagsAsync(host, oracle, servers[1], member, v);
            }
        }

        var (checkedCount, failures) = await oracle.RunAsync();

        Assert.Equal(oracle.Count, checkedCount);
        var unexpected = failures.Where(f => !expectedFailures.Contains(f.Split(" @ ")[0])).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} answers do not match Tempest's schemas:\n" + string.Join("\n", unexpected.Take(60)));
        Assert.Equal(expectedFailures.Order(StringComparer.Ordinal), failures.Select(f => f.Split(" @ ")[0]).Order(StringComparer.Ordinal));
    }

    /// <summary>Servers in the states that change the view: progress or not, building (no host), locked, tagged, described.</summary>
    private static List<VmRecord> Seed(FacadeHost host)
    {
        VmRecord Vm(string name, VmState state, PowerState power, string? externalId) => new()
        {
            Id = VmIds.New(),
            Name = name,
            Size = "small",
            Image = "ubuntu",
            Project = "demo",
            VmState = state,
            PowerState = power,
            Driver = "fake",
            ExternalId = externalId,
            CreatedAt = Created,
            UpdatedAt = Created,
        };

        return
        [
            host.Vms.Seed(Vm("web 1", VmState.Active, PowerState.Running, "fake-1") with
            {
                Tags = new Dictionary<string, string> { ["prod"] = string.Empty, ["tier"] = "1" },
                Description = "the front end",
                AccessIPv4 = "192.0.2.10",
                AccessIPv6 = "2001:db8::10",
                Locked = true,
                LockedReason = "patching",
            }),
            host.Vms.Seed(Vm("db", VmState.Stopped, PowerState.Shutdown, "fake-2")),
            host.Vms.Seed(Vm("new", VmState.Initialized, PowerState.NoState, null)),
            host.Vms.Seed(Vm("broken", VmState.Error, PowerState.Crashed, "fake-4") with { Size = "gone" }),
        ];
    }

    /// <summary>Two actions with events, one failed; returns the server and the request id of the failed one.</summary>
    private static async Task<(string VmId, string RequestId)> SeedActionsAsync(FacadeHost host, VmRecord vm)
    {
        var first = new ActionRecord { Id = ActionIds.New(Created), VmId = vm.Id, Action = "stop", RequestedAt = Created, RequestId = "req-11111111-1111-1111-1111-111111111111" };
        var second = new ActionRecord { Id = ActionIds.New(Created.AddSeconds(5)), VmId = vm.Id, Action = "start", RequestedAt = Created.AddSeconds(5) };
        foreach (var action in new[] { first, second })
        {
            await host.Actions.AppendAsync(action);
        }

        await host.Actions.AddEventAsync(vm.Id, first.Id, new ActionEvent("hypervisor.begin", Created.AddSeconds(1), "ok"));
        await host.Actions.FinishAsync(vm.Id, first.Id, ActionStatus.Succeeded, VmState.Stopped, null, Created.AddSeconds(2));
        await host.Actions.AddEventAsync(vm.Id, second.Id, new ActionEvent("hypervisor.begin", Created.AddSeconds(6), "ok"));
        await host.Actions.AddEventAsync(vm.Id, second.Id, new ActionEvent("task.failed", Created.AddSeconds(7), "error", "the driver said no"));
        await host.Actions.FinishAsync(vm.Id, second.Id, ActionStatus.Failed, VmState.Error, null, Created.AddSeconds(7));
        return (vm.Id, Compute.InstanceActionView.RequestIdOf(second));
    }

    private static async Task CollectAsync(
        FacadeHost host, TempestOracle oracle, string name, string path, string client, string schema, string token, string? version, string method = "GET", string? body = null)
    {
        var headers = version is null ? Array.Empty<(string, string)>() : [("OpenStack-API-Version", "compute " + version)];
        var (status, text, responseHeaders) = await host.SendFromAsync(null, method, path, body, token, headers);
        // Only update_tag has a header schema (its Location); the rest would only make the case file longer.
        oracle.Add(name, version ?? Microversion.Min.ToString(), client, schema, status, text.Length == 0 ? null : JsonNode.Parse(text),
            schema == "update_tag" ? responseHeaders.ToDictionary(h => h.Key, h => h.Value.ToString()) : null);
    }

    /// <summary>Rebuild answers with the full server from 2.75; the server's task is put back after each, so the next may run.</summary>
    private static async Task RebuildAsync(FacadeHost host, TempestOracle oracle, VmRecord vm, string token, string user, string version)
    {
        var before = (await host.Vms.GetAsync(vm.Id))!;
        await host.Vms.TryReplaceAsync(before with { Locked = false });
        await CollectAsync(host, oracle, $"rebuild {user}", $"/compute/v2.1/servers/{vm.Id}/action", "servers", "rebuild_server_with_admin_pass", token, version, "POST",
            """{"rebuild": {"imageRef": "ubuntu"}}""");
        var after = (await host.Vms.GetAsync(vm.Id))!;
        await host.Vms.TryReplaceAsync(after with { TaskState = null, Locked = before.Locked, LockedReason = before.LockedReason });
    }

    /// <summary>Lock (with a reason from 2.73) and unlock: 202 and no body, checked with Tempest's common action schema.</summary>
    private static async Task LockAsync(FacadeHost host, TempestOracle oracle, VmRecord vm, string token, NovaVersion version)
    {
        var lockBody = version.AtLeast("2.73") ? """{"lock": {"locked_reason": "maintenance"}}""" : """{"lock": null}""";
        await CollectAsync(host, oracle, "lock", $"/compute/v2.1/servers/{vm.Id}/action", "actions", "server_actions_common_schema", token, version.ToString(), "POST", lockBody);
        await CollectAsync(host, oracle, "unlock", $"/compute/v2.1/servers/{vm.Id}/action", "actions", "server_actions_common_schema", token, version.ToString(), "POST", """{"unlock": null}""");
    }

    private static async Task TagsAsync(FacadeHost host, TempestOracle oracle, VmRecord vm, string token, string version)
    {
        var tags = $"/compute/v2.1/servers/{vm.Id}/tags";
        await CollectAsync(host, oracle, "replace tags", tags, "servers", "update_all_tags", token, version, "PUT", """{"tags": ["a", "b=2"]}""");
        await CollectAsync(host, oracle, "list tags", tags, "servers", "list_tags", token, version);
        await CollectAsync(host, oracle, "add tag", tags + "/c", "servers", "update_tag", token, version, "PUT");
        await CollectAsync(host, oracle, "check tag", tags + "/c", "servers", "check_tag_existence", token, version);
        await CollectAsync(host, oracle, "delete tag", tags + "/c", "servers", "delete_tag", token, version, "DELETE");
        await CollectAsync(host, oracle, "delete tags", tags, "servers", "delete_all_tags", token, version, "DELETE");
    }

    /// <summary>A PUT /servers/{id} answer rendered by the route's view, for the broken copies.</summary>
    private static JsonObject Update(FacadeHost host, VmRecord vm, NovaVersion version, string user)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        var caller = user == "admin" ? new IdentityCaller("alice", "demo", ["admin", "member"]) : new IdentityCaller("bob", "demo", ["member"]);
        var request = new ComputeRequest(context, caller, "req-update") { Version = version };
        return new JsonObject { ["server"] = host.Services.GetRequiredService<ServerView>().Render(vm, request, ServerViewKind.Update) };
    }

    /// <summary>Answers with one field missing, mistyped or extra, at 2.1, 2.47 and 2.96: each must fail.</summary>
    private static List<string> AddBrokenAnswers(TempestOracle oracle, FacadeHost host, VmRecord vm)
    {
        var broken = new List<string>();
        foreach (var (version, field, value, remove) in new (string, string, JsonNode?, bool)[]
        {
            ("2.1", "hostId", null, true),
            ("2.1", "extra", "x", false),
            ("2.47", "flavor", new JsonObject { ["id"] = "1" }, false),
            ("2.96", "locked", "yes", false),
            ("2.96", "pinned_availability_zone", null, true),
        })
        {
            var server = Update(host, vm, NovaVersion.Parse(version), "member");
            var show = (JsonObject)server["server"]!;
            if (remove)
            {
                show.Remove(field);
            }
            else
            {
                show[field] = value;
            }

            var name = $"broken {field} at {version}";
            oracle.Add(name, version, "servers", "update_server", 200, server);
            broken.Add(name);
        }

        return broken;
    }
}
