using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VmControl.Application.Model;
using VmControl.Functions.Http;
using VmControl.Functions.Tests.Fakes;
using VmControl.Http;
using VmControl.Http.Identity;
using VmControl.Http.Routing;
using VmControl.Testing;

namespace VmControl.Functions.Tests;

/// <summary>
/// The Functions host's half of the route × role matrix: every HTTP trigger, called as the Functions worker calls it,
/// answers 401 without valid credentials and 403 below its route's role before its handler runs (the handler here
/// has no ports at all, so reaching it would throw). A signed-in Entra principal counts only where the platform set it.
/// </summary>
public sealed class TriggerAuthorizationTests
{
    public static TheoryData<string, string> EveryProtectedTrigger()
    {
        var data = new TheoryData<string, string>();
        // The roles as the docs give them (RouteSamples.Roles), not as the table says: a role changed in the table fails here.
        foreach (var route in ApiRoutes.All.Where(r => RouteSamples.Roles[r.Method + " " + r.Template] is not null))
        {
            foreach (var caller in new[] { "none", "unknown", "below" })
            {
                if (caller != "below" || RouteSamples.Roles[route.Method + " " + route.Template] > Role.Reader)
                {
                    data.Add(route.Method + " " + route.Template, caller);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryProtectedTrigger))]
    public async Task Trigger_WithoutTheRole_IsRefusedBeforeItsHandler(string routeKey, string caller)
    {
        var route = ApiRoutes.All.Single(r => r.Method + " " + r.Template == routeKey);
        var key = caller switch
        {
            "none" => null,
            "unknown" => "vmc_unknown",
            _ => RouteSamples.Roles[routeKey] == Role.Admin ? TestKeys.Operator : TestKeys.Reader,
        };

        var status = await InvokeAsync(route, key, principal: null, platformAuth: false);

        Assert.Equal(caller == "below" ? 403 : 401, status);
    }

    [Theory]
    [InlineData(true, 403)]
    [InlineData(false, 401)]
    public async Task EntraPrincipal_IsBelievedOnlyWithThePlatformsAuthentication(bool platformAuth, int expected)
    {
        // A reader signed in with Entra asks for an operator route: 403 when the platform set the header, 401 when anyone could have.
        var route = ApiRoutes.All.Single(r => r.Method == "POST" && r.Template == "vms");
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"roles","val":"VmControl.Reader"},{"typ":"name","val":"rita"}]}"""));

        Assert.Equal(expected, await InvokeAsync(route, apiKey: null, principal, platformAuth));
    }

    private static async Task<int> InvokeAsync(ApiRoute route, string? apiKey, string? principal, bool platformAuth)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(TestKeys.Settings()).Build());
        services.AddVmControlHttp();
        services.AddSingleton<ICallerAuthenticator>(sp => new ClientPrincipal(
            sp.GetRequiredService<IOptions<AuthOptions>>(), name => name == ClientPrincipal.EnabledVariable && platformAuth ? "True" : null));
        await using var provider = services.BuildServiceProvider();

        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Method = route.Method;
        context.Request.Path = "/api/" + route.Template.Replace("{id}", "vm-0000000000000000", StringComparison.Ordinal)
            .Replace("{actionId}", "a0", StringComparison.Ordinal).Replace("{alertId}", "x", StringComparison.Ordinal);
        if (apiKey is not null)
        {
            context.Request.Headers[ApiKeys.Header] = apiKey;
        }

        if (principal is not null)
        {
            context.Request.Headers[ClientPrincipal.Header] = principal;
        }

        var (type, method) = TriggerOf(route);
        var functions = Activator.CreateInstance(type, [null])!;
        var arguments = method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => context.Request,
            var t when t == typeof(CancellationToken) => CancellationToken.None,
            var t when t == typeof(string) => (object)"vm-0000000000000000",
            _ => new RecordingDurableTaskClient(),
        }).ToArray();
        var result = await (Task<Microsoft.AspNetCore.Mvc.IActionResult>)method.Invoke(functions, arguments)!;
        return Assert.IsType<ApiResult>(result).StatusCode;
    }

    private static (Type Type, MethodInfo Method) TriggerOf(ApiRoute route) =>
        typeof(VmFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => (Type: t, Method: m)))
            .Single(x => x.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>()
                .Any(a => a.Route == route.Template && (a.Methods ?? []).Contains(route.Method, StringComparer.OrdinalIgnoreCase)));
}
