namespace VmControl.OpenStack;

/// <summary>The facade's public base URL, from the request itself, so the catalog and links point where the client came in.</summary>
public static class PublicUrl
{
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public static string Compute(HttpRequest request) => Of(request) + "/compute/v2.1";

    public static string Identity(HttpRequest request) => Of(request) + "/identity";

    public static string Image(HttpRequest request) => Of(request) + "/image";
}
