using VmControl.Application.Model;
using VmControl.Http.Routing;

namespace VmControl.LocalHost.Tests;

/// <summary>
/// The route × role × project matrix on the real LocalHost (Azurite, the Durable engine, the simulator): for every route,
/// no credentials and an unknown key get 401, a role below the route's 403, another project's operator 404 on a VM of
/// the default project, and every caller the route allows gets past authorization (not 401, 403 or 404).
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class RouteRoleMatrixTests(LocalHostFixture fixture)
{
    // Allowed callers last: the operator's and admin's requests may change the VM (a delete, a stop).
    private static readonly (string Name, string? Key, Role? Role, string Project)[] Callers =
    [
        ("none", null, null, "default"),
        ("unknown", "vmc_not_a_configured_key", null, "default"),
        ("reader", TestKeys.Reader, Role.Reader, "default"),
        ("other-project", TestKeys.OtherProjectOperator, Role.Operator, TestKeys.OtherProject),
        ("operator", TestKeys.Operator, Role.Operator, "default"),
        ("admin", TestKeys.Admin, Role.Admin, "default"),
    ];

    public static TheoryData<string> EveryRoute()
    {
        var data = new TheoryData<string>();
        foreach (var route in ApiRoutes.All)
        {
            data.Add(route.Method + " " + route.Template);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Route_ForEachCaller_AnswersAsTheRoleTableSays(string routeKey)
    {
        using var timeout = TestTimeout.Start(120);
        var route = ApiRoutes.All.Single(r => r.Method + " " + r.Template == routeKey);
        Assert.True(RouteSamples.ByRoute.TryGetValue(routeKey, out var sample), $"{routeKey} has no sample request in RouteSamples.");
        var (path, body, aboutTheVm) = sample;
        var vmId = await fixture.Api.CreateActiveVmAsync(timeout.Token);
        var actionId = (await fixture.Api.ListActionsAsync(vmId, timeout.Token))[0].GetProperty("id").GetString()!;
        string Fill(string text) => text.Replace("{vm}", vmId, StringComparison.Ordinal).Replace("{action}", actionId, StringComparison.Ordinal)
            .Replace("{alert}", "a-none", StringComparison.Ordinal);

        try
        {
            foreach (var (name, key, role, project) in Callers)
            {
                using var client = new ApiClient(fixture.Host.BaseAddress, apiKey: key);
                var response = await client.SendAsync(new HttpMethod(route.Method), Fill(path), body is null ? null : Fill(body), null, timeout.Token);
                var status = (int)response.Status;
                var why = $"{routeKey} as {name}: {response}";
                if (RouteSamples.Roles[routeKey] is not { } required)
                {
                    Assert.True(status is not (401 or 403), why);
                }
                else if (role is null)
                {
                    Assert.True(status == 401 && response.IsProblem, why);
                }
                else if (role < required)
                {
                    Assert.True(status == 403 && response.IsProblem, why);
                }
                else if (aboutTheVm && role != Role.Admin && project != "default" && !routeKey.StartsWith("POST alerts", StringComparison.Ordinal))
                {
                    Assert.True(status == 404 && response.IsProblem, why);
                }
                else
                {
                    // Authorized and visible: whatever the handler answers, it is not an authorization answer. (The alert
                    // route's sample names no alert, and the subscription routes' no subscription of this host, so they
                    // are a 404 for everyone allowed.)
                    Assert.True(
                        status is not (401 or 403)
                        && (status != 404 || routeKey.StartsWith("POST alerts", StringComparison.Ordinal) || routeKey.Contains("holds/{id}", StringComparison.Ordinal)
                            || routeKey.Contains("event-subscriptions/{id}", StringComparison.Ordinal)
                            || routeKey.Contains("fleet-operations/{id}", StringComparison.Ordinal)),
                        why);
                }
            }
        }
        finally
        {
            await fixture.ResetSimulatorAsync();
        }
    }
}
