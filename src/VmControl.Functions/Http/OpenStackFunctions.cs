using VmControl.OpenStack;

namespace VmControl.Functions.Http;

/// <summary>
/// The OpenStack face (Keystone, Nova, the image stub) under the app's route prefix: <c>/api/identity</c>,
/// <c>/api/compute</c>, <c>/api/image</c>. One catch-all trigger per face hands every method and path to
/// <see cref="OpenStackRouter"/>, the route table the LocalHost serves at the root, so both hosts answer alike (the
/// face's 404 and 405 included). The face checks its own tokens: the triggers are anonymous to the Functions host.
/// Not part of the API's route table (<see cref="VmControl.Http.Routing.ApiRoutes"/>).
/// </summary>
public sealed class OpenStackFunctions
{
    /// <summary>The methods each trigger takes: all a client may send, so the face, not the host, answers the wrong ones.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["get", "post", "put", "patch", "delete", "head", "options"];

    [Function("OpenStackIdentity")]
    public Task<IActionResult> Identity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = "identity/{*rest}")] HttpRequest request) =>
        ServeAsync(request, "identity");

    [Function("OpenStackCompute")]
    public Task<IActionResult> Compute(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = "compute/{*rest}")] HttpRequest request) =>
        ServeAsync(request, "compute");

    [Function("OpenStackImage")]
    public Task<IActionResult> Image(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = "image/{*rest}")] HttpRequest request) =>
        ServeAsync(request, "image");

    private static async Task<IActionResult> ServeAsync(HttpRequest request, string face)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The router writes the face's answer itself; nothing is left for the result to write.
        await OpenStackRouter.ServeAsync(request.HttpContext, face).ConfigureAwait(false);
        return new EmptyResult();
    }
}
