using VmControl.Http.Routing;

namespace VmControl.Http.Tests.Identity;

/// <summary>
/// Every route × no credentials, an unknown key, reader, operator, admin, and an operator of another project (docs/security.md):
/// 401 without valid credentials, 403 below the route's role, 404 for another project's VM, else an answer from the
/// handler itself. Each cell runs on a fresh in-memory host, so one cell's writes never decide another's answer.
/// </summary>
public sealed class RouteRoleMatrixTests
{
    public static TheoryData<string, string> EveryCell()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in ApiRoutes.All)
        {
            foreach (var caller in new[] { "none", "unknown", "reader", "operator", "admin", "other-project" })
            {
                data.Add(route.Method + " " + route.Template, caller);
            }
        }

        return data;
    }

    [Fact]
    public void EveryRoute_HasASample_AndEveryNonPublicRouteARole()
    {
        Assert.Equal(ApiRoutes.All.Select(r => r.Method + " " + r.Template).Order(), RouteSamples.ByRoute.Keys.Order());
        Assert.Equal(ApiRoutes.All.Select(r => r.Method + " " + r.Template).Order(), RouteSamples.Roles.Keys.Order());
        Assert.All(ApiRoutes.All, r => Assert.True(RouteSamples.Roles[r.Method + " " + r.Template] == r.Role, $"{r.Method} {r.Template}: table {r.Role}, docs {RouteSamples.Roles[r.Method + " " + r.Template]}"));
    }

    [Theory]
    [MemberData(nameof(EveryCell))]
    public async Task Route_ForEachCaller_AnswersAsTheRoleTableSays(string routeKey, string callerName)
    {
        var route = ApiRoutes.All.Single(r => r.Method + " " + r.Template == routeKey);
        var (path, body, aboutTheVm) = RouteSamples.ByRoute[routeKey];
        await using var api = await ApiHost.StartAsync(powerSync: new Fakes.FakePowerSyncRunner(0));
        var vm = api.SeedVm();
        var action = api.SeedAction(vm);
        var alert = api.SeedAlert(vm);
        api.SeedSubscription();
        api.SeedFleetOperation();
        string Fill(string text) => text.Replace("{vm}", vm.Id, StringComparison.Ordinal).Replace("{action}", action.Id, StringComparison.Ordinal)
            .Replace("{alert}", alert.Id, StringComparison.Ordinal);

        var (key, role, project) = Callers[callerName];
        using var response = await api.SendAsAsync(key, route.Method, Fill(path), body is null ? null : Fill(body));

        var status = (int)response.StatusCode;
        var expected = Expected(RouteSamples.Roles[routeKey], role, project, aboutTheVm);
        if (expected is { } code)
        {
            Assert.True(code == status, $"{routeKey} as {callerName}: {status}, expected {code}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else if (routeKey == "DELETE simulator/holds/{id}")
        {
            // The sample names no hold: past authorization, the handler's own answer is its 404.
            Assert.True(status == 404, $"{routeKey} as {callerName}: {status}");
        }
        else
        {
            Assert.True(status is >= 200 and < 300, $"{routeKey} as {callerName}: {status}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static readonly Dictionary<string, (string? Key, Role? Role, string Project)> Callers = new()
    {
        ["none"] = (null, null, "default"),
        ["unknown"] = ("vmc_not_a_configured_key", null, "default"),
        ["reader"] = (TestKeys.Reader, Role.Reader, "default"),
        ["operator"] = (TestKeys.Operator, Role.Operator, "default"),
        ["admin"] = (TestKeys.Admin, Role.Admin, "default"),
        ["other-project"] = (TestKeys.OtherProjectOperator, Role.Operator, TestKeys.OtherProject),
    };

    /// <summary>The problem status the cell must answer, or null when the handler's own success is expected.</summary>
    private static int? Expected(Role? required, Role? role, string project, bool aboutTheVm)
    {
        if (required is null)
        {
            return null;
        }

        if (role is null)
        {
            return 401;
        }

        if (role < required)
        {
            return 403;
        }

        return aboutTheVm && role != Role.Admin && project != "default" ? 404 : null;
    }
}
