using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace VmControl.Http;

/// <summary>
/// Every answer of the API: status, pre-serialized JSON body and the headers that matter. Pre-serialized so that an
/// <c>Idempotency-Key</c> replay can return byte for byte what the first request got. It is both a minimal-API
/// <see cref="IResult"/> (local host) and an MVC <see cref="IActionResult"/> (the Functions ASP.NET Core integration
/// executes the latter), so both hosts write it the same way. The one exception to a pre-serialized body is a stream
/// (<see cref="Stream"/>, the server-sent events of <c>GET /api/events/stream</c>): its body is written as it happens.
/// </summary>
public sealed class ApiResult : IResult, IActionResult
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    public ApiResult(int statusCode, string? body, string contentType = JsonContentType, IReadOnlyDictionary<string, string>? headers = null)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        Headers = headers ?? new Dictionary<string, string>();
    }

    private ApiResult(string contentType, Func<HttpContext, Task> write)
        : this(StatusCodes.Status200OK, null, contentType, new Dictionary<string, string> { ["Cache-Control"] = "no-cache, no-store", ["X-Accel-Buffering"] = "no" }) =>
        Writer = write;

    public int StatusCode { get; }

    /// <summary>The JSON body, or null for none.</summary>
    public string? Body { get; }

    public string ContentType { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>For a stream: writes the body after the status and headers are sent, until the client or the host ends it.</summary>
    public Func<HttpContext, Task>? Writer { get; }

    /// <summary>A 200 whose body <paramref name="write"/> writes as it goes (never cached, never buffered by a proxy).</summary>
    public static ApiResult Stream(string contentType, Func<HttpContext, Task> write) => new(contentType, write);

    public static ApiResult Json(int statusCode, object body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, JsonSerializer.Serialize(body, body.GetType(), ApiJson.Options), JsonContentType, headers);

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Writer is not null)
        {
            response.ContentType = ContentType;
            await Writer(httpContext).ConfigureAwait(false);
        }
        else if (Body is not null)
        {
            response.ContentType = ContentType;
            await response.WriteAsync(Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
