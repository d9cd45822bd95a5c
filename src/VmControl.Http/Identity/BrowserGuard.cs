namespace VmControl.Http.Identity;

/// <summary>
/// Refuses a state-changing request a web page could have sent on the operator's behalf: a foreign <c>Origin</c>, a
/// cross-site <c>Sec-Fetch-Site</c>, or a body that is not JSON (a form or <c>text/plain</c> POST needs no CORS
/// preflight; <c>application/json</c> does, and this API answers no preflight). Requests without those headers
/// (curl, SDKs) pass: the headers are what browsers add, and browsers are what this guards against.
/// </summary>
public static class BrowserGuard
{
    public static ApiResult? Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return null;
        }

        var site = request.Headers["Sec-Fetch-Site"].FirstOrDefault();
        if (site is not null && site is not ("same-origin" or "none"))
        {
            return CrossSite($"A {site} request may not change anything here.");
        }

        var origin = request.Headers.Origin.FirstOrDefault();
        if (origin is not null && !SameOrigin(origin, request))
        {
            return CrossSite($"Requests from {Shorten(origin)} may not change anything here.");
        }

        var contentType = request.ContentType;
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if ((contentType is not null && !IsJson(contentType)) || (contentType is null && hasBody))
        {
            return Problems.Create(
                StatusCodes.Status415UnsupportedMediaType,
                "unsupported_media_type",
                "The body must be JSON.",
                "Send the body as application/json.");
        }

        return null;
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string contentType)
    {
        var media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static ApiResult CrossSite(string detail) =>
        Problems.Create(StatusCodes.Status403Forbidden, "cross_site_request", "Cross-site requests are refused.", detail);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
