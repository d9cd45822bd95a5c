using System.Reflection;
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

    /// <summary>The assembly holding the files, for hosts that want to report its version.</summary>
    public static Assembly Assembly => typeof(ConsoleAssets).Assembly;
}
