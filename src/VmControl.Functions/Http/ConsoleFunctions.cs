using VmControl.Http.OperatorConsole;

namespace VmControl.Functions.Http;

/// <summary>
/// The operator console's static files (<see cref="ConsoleAssets"/>) at <c>/api/console/</c>: the route prefix stays
/// <c>api</c> so every API route keeps its path, and the console, which calls only <c>/api/...</c>, works from there.
/// Anonymous: the files hold no secret; the console asks for a function key when the API answers 401.
/// Not part of the API's route table (<see cref="VmControl.Http.Routing.ApiRoutes"/>).
/// </summary>
public sealed class ConsoleFunctions
{
    /// <summary>The trigger's route below the <c>api</c> prefix.</summary>
    public const string Route = "console/{*path}";

    [Function("Console")]
    public IActionResult Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string? path)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The page's relative module URLs need the trailing slash: /api/console -> /api/console/.
        if (string.IsNullOrEmpty(path) && !(request.Path.Value ?? string.Empty).EndsWith('/'))
        {
            return new RedirectResult(request.Path.Value + "/" + request.QueryString.Value, permanent: false);
        }

        if (ConsoleAssets.Find(path) is not { } file)
        {
            return new NotFoundResult();
        }

        ConsoleAssets.AddHeaders(request.HttpContext.Response.Headers);
        return new FileStreamResult(file.File.CreateReadStream(), file.ContentType);
    }
}
