using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using VmControl.Functions.Http;
using VmControl.Http.Routing;

namespace VmControl.Functions.Tests;

/// <summary>Both hosts serve exactly the routes of the shared table: the Functions triggers are checked against it here.</summary>
public sealed class RouteParityTests
{
    private static IReadOnlyList<(string Method, string Route, AuthorizationLevel Level, string Function)> Triggers { get; } =
    [
        // The console's static files trigger (ConsoleFunctions) and the OpenStack face (OpenStackFunctions, its own route table) are not API routes.
        .. typeof(VmFunctions).Assembly.GetTypes().Where(t => t != typeof(ConsoleFunctions) && t != typeof(OpenStackFunctions))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                .OfType<HttpTriggerAttribute>()
                .SelectMany(trigger => (trigger.Methods ?? []).Select(method =>
                    (method.ToUpperInvariant(), trigger.Route ?? string.Empty, trigger.AuthLevel, m.GetCustomAttribute<FunctionAttribute>()!.Name)))),
    ];

    [Fact]
    public void HttpTriggers_ExposeExactlyTheSharedRouteTable()
    {
        var functions = Triggers.Select(t => $"{t.Method} {t.Route}").Order(StringComparer.Ordinal).ToList();
        var shared = ApiRoutes.All.Select(r => $"{r.Method} {r.Template}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(shared, functions);
    }

    [Fact]
    public void HttpTriggers_AreAnonymousToTheHost_TheWorkerAuthorizesByTheTable()
    {
        // A function key checked by the host would also be demanded of signed-in Entra users; the roles live in the
        // route table and ApiAuthorization enforces them in the worker (docs/security.md).
        foreach (var route in ApiRoutes.All)
        {
            var trigger = Triggers.Single(t => t.Method == route.Method && t.Route == route.Template);
            Assert.True(trigger.Level == AuthorizationLevel.Anonymous, $"{trigger.Function}: {trigger.Level}");
        }
    }

    [Fact]
    public void HttpTriggers_EachRouteHasOneFunction()
    {
        Assert.Equal(Triggers.Count, Triggers.Select(t => (t.Method, t.Route)).Distinct().Count());
    }
}
