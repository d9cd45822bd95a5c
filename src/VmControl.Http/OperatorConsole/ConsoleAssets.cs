using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace VmControl.Http.OperatorConsole;

/// <summary>
/// The operator console: static HTML, CSS and JavaScript modules from <c>src/VmControl.Http/wwwroot</c>, embedded in
/// this assembly (flat, no build step) so both hosts serve the same files: the local host at <c>/</c>
/// (<see cref="ConsoleApplicationBuilderExtensions.UseVmControlConsole"/> in <c>VmControl.Http</c>), the Functions app at <c>/api/console/</c>.
/// The console calls only the public API under <c>/api</c>.
/// </summary>
public static class ConsoleAssets
{
    /// <summary>The resource name prefix of the embedded files (see the project file).</summary>
    public const string BaseNamespace = "VmControl.Console";

    /// <summary>The page served for the console's root.</summary>
    public const string IndexFile = "index.html";

    /// <summary>
    /// Sent with every console file by both hosts: scripts, styles and requests only from this origin (no CDN, no
    /// inline script), never framed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The embedded files by their name in <c>wwwroot</c> (<c>index.html</c>, <c>main.js</c>, ...).</summary>
    public static IFileProvider Files { get; } = new EmbeddedFileProvider(typeof(ConsoleAssets).Assembly, BaseNamespace);

    /// <summary>The names of the embedded files.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. typeof(ConsoleAssets).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(BaseNamespace + ".", StringComparison.Ordinal))
            .Select(n => n[(BaseNamespace.Length + 1)..]),
    ];

    /// <summary>
    /// Finds a console file by its path below the console root (empty for the index page). Only the embedded names
    /// are served: no directories, no traversal.
    /// </summary>
    public static ConsoleFile? Find(string? path)
    {
        var name = string.IsNullOrEmpty(path) ? IndexFile : path.TrimStart('/');
        if (!Names.Contains(name, StringComparer.Ordinal) || !ContentTypes.TryGetContentType(name, out var contentType))
        {
            return null;
        }

        var file = Files.GetFileInfo(name);
        return file.Exists ? new ConsoleFile(file, contentType) : null;
    }

    /// <summary>The headers both hosts send with a console file: revalidate on every load, the policy above, no sniffing.</summary>
    public static void AddHeaders(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
    }
}
