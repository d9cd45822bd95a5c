using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VmControl.Functions.Http;

namespace VmControl.Functions.Tests;

/// <summary>The Functions app serves the operator console at <c>/api/console/</c> from the files embedded in VmControl.Http.</summary>
public sealed class ConsoleFunctionsTests
{
    [Fact]
    public void Root_WithTrailingSlash_ServesTheIndexPage()
    {
        var request = Request("/api/console/");
        var result = Assert.IsType<FileStreamResult>(new ConsoleFunctions().Serve(request, null));

        Assert.Equal("text/html", result.ContentType);
        Assert.StartsWith("default-src 'self'", request.HttpContext.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("no-cache", request.HttpContext.Response.Headers.CacheControl.ToString());
        using var reader = new StreamReader(result.FileStream);
        Assert.Contains("<script type=\"module\" src=\"main.js\"></script>", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Root_WithoutTrailingSlash_RedirectsSoRelativeModulesResolve()
    {
        var result = Assert.IsType<RedirectResult>(new ConsoleFunctions().Serve(Request("/api/console"), null));

        Assert.Equal("/api/console/", result.Url);
    }

    [Theory]
    [InlineData("main.js", "text/javascript")]
    [InlineData("console.css", "text/css")]
    public void File_IsServedWithItsContentType(string path, string contentType)
    {
        var result = Assert.IsType<FileStreamResult>(new ConsoleFunctions().Serve(Request("/api/console/" + path), path));

        Assert.Equal(contentType, result.ContentType);
    }

    [Theory]
    [InlineData("missing.js")]
    [InlineData("../host.json")]
    [InlineData("VmControl.Http.openapi.json")]
    public void UnknownPath_IsNotFound(string path)
    {
        Assert.IsType<NotFoundResult>(new ConsoleFunctions().Serve(Request("/api/console/" + path), path));
    }

    private static HttpRequest Request(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        return context.Request;
    }
}
