using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using VmControl.Http.OperatorConsole;

namespace VmControl.Http;

public static class ConsoleApplicationBuilderExtensions
{
    /// <summary>
    /// Serves the operator console at <c>/</c> with the static files middleware over the embedded files
    /// (<see cref="ConsoleAssets"/>); <c>/</c> answers <c>index.html</c>. Call it before mapping the API.
    /// Files are revalidated on every load (<c>Cache-Control: no-cache</c>, the middleware's ETag), so a new build
    /// is never hidden behind a stale module, and carry <see cref="ConsoleAssets.ContentSecurityPolicy"/>.
    /// </summary>
    public static IApplicationBuilder UseVmControlConsole(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = ConsoleAssets.Files, DefaultFileNames = [ConsoleAssets.IndexFile] });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = ConsoleAssets.Files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => ConsoleAssets.AddHeaders(context.Context.Response.Headers),
        });
    }
}
