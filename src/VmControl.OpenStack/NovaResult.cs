namespace VmControl.OpenStack;

/// <summary>One answer of the facade: status, an optional JSON body, extra headers.</summary>
public sealed record NovaResult(int Status, JsonNode? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public async Task ExecuteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        if (Body is null)
        {
            return;
        }

        response.ContentType = "application/json";
        await response.WriteAsync(Body.ToJsonString(NovaJson.Options), context.RequestAborted).ConfigureAwait(false);
    }

    public static NovaResult Json(int status, JsonNode body, IReadOnlyDictionary<string, string>? headers = null) => new(status, body, headers);

    public static NovaResult Empty(int status) => new(status);

    /// <summary>
    /// Nova's fault body, <c>{"&lt;name&gt;": {"code": N, "message": "…"}}</c>; the name follows the status as
    /// <c>nova/api/openstack/wsgi.py</c> picks it.
    /// </summary>
    public static NovaResult Fault(int status, string message)
    {
        var name = status switch
        {
            400 => "badRequest",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "itemNotFound",
            405 => "badMethod",
            409 => "conflictingRequest",
            415 => "badMediaType",
            413 or 429 => "overLimit",
            501 => "notImplemented",
            503 => "serviceUnavailable",
            _ => "computeFault",
        };
        return new NovaResult(status, new JsonObject { [name] = new JsonObject { ["code"] = status, ["message"] = message } });
    }

    public static NovaResult ServerNotFound(string id) => Fault(404, $"Instance {id} could not be found.");
}
