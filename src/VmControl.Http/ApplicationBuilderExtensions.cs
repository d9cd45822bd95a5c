using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using VmControl.Application.Ports;

namespace VmControl.Http;

/// <summary>
/// The local host's safety net, so that no answer leaves without problem+json (docs/api.md): an unknown route or
/// a wrong method (which routing answers with an empty 404/405) and an exception no handler caught (which ASP.NET
/// Core would answer with an empty 500, or an HTML page in Development).
/// </summary>
public static class ApplicationBuilderExtensions
{
    public static IApplicationBuilder UseVmControlProblems(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync });
        app.UseStatusCodePages(context => WriteEmptyStatusAsync(context.HttpContext));
        return app;
    }

    private static async Task WriteExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        ApiResult result;
        if (error is StoreUnavailableException)
        {
            // The storage detail stays in the log the exception handler wrote.
            result = Problems.StoreUnavailable();
        }
        else
        {
            // The exception handler middleware has logged it; its message stays in the log, as it may name internals.
            result = Problems.InternalError(context.TraceIdentifier);
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static Task WriteEmptyStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var result = status switch
        {
            StatusCodes.Status404NotFound => Problems.NotFound($"No route matches {context.Request.Method} {Shorten(context.Request.Path.Value)}."),
            StatusCodes.Status405MethodNotAllowed => Problems.Create(
                status,
                "method_not_allowed",
                "The method is not allowed here.",
                $"{context.Request.Method} is not allowed on {Shorten(context.Request.Path.Value)}; see the Allow header."),
            _ => Problems.Create(status, "http_" + status, ReasonOf(status), $"The request ended with HTTP {status}."),
        };
        return result.ExecuteAsync(context);
    }

    private static string ReasonOf(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "Error.";

    // Echoing an unbounded or control-laden path back would let a caller shape our error bodies.
    private static string Shorten(string? path) =>
        path is null ? string.Empty : new string([.. path.Take(128).Select(c => char.IsControl(c) ? '?' : c)]);
}
