using Microsoft.AspNetCore.Routing;
using VmControl.OpenStack.Identity;

namespace VmControl.OpenStack;

/// <summary>
/// The face's one route table and its dispatch, used by both hosts: the LocalHost maps <c>/{face}/{**rest}</c> to
/// <see cref="ServeAsync"/>, the Functions app one catch-all trigger per face under its route prefix. Because every
/// request under a face comes here, a path no route knows is a 404 and a method a path does not take a 405 in the
/// face's own error shape (Nova's fault, Keystone's error), never ASP.NET's problem+json.
/// </summary>
public static class OpenStackRouter
{
    /// <summary>The faces, by their root segment.</summary>
    public static IReadOnlyList<string> Faces { get; } = ["identity", "compute", "image"];

    /// <summary>Every route, by face (the order matters: the first route whose template and method fit answers).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FaceRoute>> Routes { get; } = new Dictionary<string, IReadOnlyList<FaceRoute>>(StringComparer.Ordinal)
    {
        ["identity"] = OpenStackRoutes.Identity(),
        ["compute"] = OpenStackRoutes.Compute(),
        ["image"] = OpenStackRoutes.Image(),
    };

    /// <summary>
    /// Answers a request whose path holds the face's root segment <paramref name="face"/>: whatever comes before it (a
    /// Functions route prefix such as <c>/api</c>) moves into <c>PathBase</c>, so links and the catalog point back to
    /// where the client came in.
    /// </summary>
    public static Task ServeAsync(HttpContext context, string face)
    {
        ArgumentNullException.ThrowIfNull(context);
        var routes = Routes[face];
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var root = "/" + face;
        var at = FaceRootIndex(path, root);
        if (at > 0)
        {
            request.PathBase = request.PathBase.Add(new PathString(path[..at]));
            request.Path = new PathString(path[at..]);
        }

        var rest = at < 0 ? "/" : path[(at + root.Length)..];
        if (rest.Length > 1 && rest.EndsWith('/'))
        {
            // Routing ignores one trailing slash, so "/v2.1/" is the version document "/v2.1" clients are given.
            rest = rest[..^1];
        }

        var allowed = new List<string>();
        var values = new RouteValueDictionary();
        foreach (var route in routes)
        {
            values.Clear();
            if (!route.Matches(new PathString(rest.Length == 0 ? "/" : rest), values))
            {
                continue;
            }

            if (HttpMethods.Equals(route.Method, request.Method))
            {
                foreach (var (name, value) in values)
                {
                    request.RouteValues[name] = value;
                }

                return route.Run(context);
            }

            if (!allowed.Contains(route.Method))
            {
                allowed.Add(route.Method);
            }
        }

        return allowed.Count == 0 ? NotFoundAsync(context, face) : MethodNotAllowedAsync(context, face, allowed);
    }

    private static int FaceRootIndex(string path, string root)
    {
        for (var at = path.IndexOf(root, StringComparison.OrdinalIgnoreCase); at >= 0; at = path.IndexOf(root, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + root.Length;
            if (end == path.Length || path[end] == '/')
            {
                return at;
            }
        }

        return -1;
    }

    private static Task NotFoundAsync(HttpContext context, string face) => face == "identity"
        ? KeystoneApi.Error(404, "Not Found", "Could not find the requested resource.").ExecuteAsync(context)
        : OpenStackRoutes.RunCompute(context, authenticate: true, (_, _) => Task.FromResult(NovaResult.Fault(404, "The resource could not be found.")));

    private static Task MethodNotAllowedAsync(HttpContext context, string face, List<string> allowed)
    {
        var allow = new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed) };
        if (face == "identity")
        {
            var error = KeystoneApi.Error(405, "Method Not Allowed", "The method is not allowed for the requested URL.");
            return (error with { Headers = allow }).ExecuteAsync(context);
        }

        var fault = NovaResult.Fault(405, $"The method {context.Request.Method} is not allowed for this resource.") with { Headers = allow };
        return OpenStackRoutes.RunCompute(context, authenticate: true, (_, _) => Task.FromResult(fault));
    }
}
