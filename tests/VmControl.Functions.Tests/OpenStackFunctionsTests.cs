using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Application;
using VmControl.Application.Model;
using VmControl.Application.Tasks;
using VmControl.Domain;
using VmControl.Functions.Http;
using VmControl.Functions.Tests.Fakes;
using VmControl.OpenStack;
using VmControl.Testing.Fakes;

namespace VmControl.Functions.Tests;

/// <summary>
/// The Functions app serves the OpenStack face from the shared route table (<see cref="OpenStackRouter"/>) under its
/// route prefix: the triggers are invoked as the host would, with the request path the host gives (<c>/api/...</c>).
/// </summary>
public sealed class OpenStackFunctionsTests : IDisposable
{
    private static readonly string Password = Guid.NewGuid().ToString("N");
    private readonly ServiceProvider services;
    private readonly FakeVmStore vms = new();

    public OpenStackFunctionsTests()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenStack:Accounts:0:User"] = "alice",
            ["OpenStack:Accounts:0:Password"] = Password,
            ["OpenStack:Accounts:0:Project"] = "demo",
            ["OpenStack:Accounts:0:Roles:0"] = "admin",

            // Set, and still never honoured behind the Functions host (keylessAllowed: false, as Program.cs registers it).
            ["OpenStack:AllowNoAuth"] = "true",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddVmControlApplication();
        collection.AddSingleton<IVmStore>(vms);
        collection.AddSingleton<IActionLog>(new FakeActionLog());
        collection.AddSingleton<ITaskLauncher>(new FakeTaskLauncher());
        collection.AddSingleton<IHypervisorDriver>(new FakeDriver(DriverCapabilities.All));
        collection.AddSingleton<IServer>(new LoopbackServer());
        collection.AddOpenStackApi(settings, keylessAllowed: false);
        services = collection.BuildServiceProvider();
    }

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task Compute_UnderTheRoutePrefix_ListsServersWithLinksBackThroughThePrefix()
    {
        var vm = vms.Seed(new VmRecord { Id = VmIds.New(), Name = "web-1", Size = "small", Image = "ubuntu", Project = "demo", Driver = "fake", VmState = VmState.Active });
        var token = await TokenAsync();

        var (status, body, _) = await SendAsync(new OpenStackFunctions().Compute, "GET", "/api/compute/v2.1/servers", token: token);

        Assert.Equal(200, status);
        var server = body.GetProperty("servers").EnumerateArray().Single();
        Assert.Equal(vm.Id, server.GetProperty("id").GetString());
        Assert.Equal($"http://functions.example/api/compute/v2.1/servers/{vm.Id}", server.GetProperty("links")[0].GetProperty("href").GetString());
    }

    [Fact]
    public async Task Identity_UnderTheRoutePrefix_IssuesATokenWhoseCatalogPointsAtThePrefixedFaces()
    {
        var (status, body, headers) = await SendAsync(new OpenStackFunctions().Identity, "POST", "/api/identity/v3/auth/tokens", AuthBody());

        Assert.Equal(201, status);
        Assert.False(string.IsNullOrEmpty(headers["X-Subject-Token"].ToString()));
        var compute = body.GetProperty("token").GetProperty("catalog").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "compute");
        Assert.Equal("http://functions.example/api/compute/v2.1", compute.GetProperty("endpoints")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Compute_VersionDocument_AtThePrefixedRoot_NeedsNoToken()
    {
        var (status, body, _) = await SendAsync(new OpenStackFunctions().Compute, "GET", "/api/compute/v2.1/");

        Assert.Equal(200, status);
        Assert.Equal("http://functions.example/api/compute/v2.1/", body.GetProperty("version").GetProperty("links")[0].GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("PATCH", "/api/compute/v2.1/servers", 405, "badMethod")]
    [InlineData("GET", "/api/compute/v2.1/os-networks", 404, "itemNotFound")]
    public async Task Compute_RoutingErrors_AreNovasFaults(string method, string path, int expected, string key)
    {
        var token = await TokenAsync();

        var (status, body, _) = await SendAsync(new OpenStackFunctions().Compute, method, path, token: token);

        Assert.Equal(expected, status);
        Assert.Equal(expected, body.GetProperty(key).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Image_UnderTheRoutePrefix_IsTheImageStub()
    {
        var (status, body, _) = await SendAsync(new OpenStackFunctions().Image, "GET", "/api/image");

        Assert.Equal(300, status);
        Assert.Equal("http://functions.example/api/image/v2/", body.GetProperty("versions")[0].GetProperty("links")[0].GetProperty("href").GetString());
    }

    [Fact]
    public async Task Compute_WithoutAToken_FromLoopbackThroughTheHost_IsA401EvenWithAllowNoAuth()
    {
        var (status, body, _) = await SendAsync(new OpenStackFunctions().Compute, "GET", "/api/compute/v2.1/servers", loopback: true);

        Assert.Equal(401, status);
        Assert.Equal(401, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    private static string AuthBody() => JsonSerializer.Serialize(new
    {
        auth = new
        {
            identity = new { methods = new[] { "password" }, password = new { user = new { name = "alice", domain = new { name = "Default" }, password = Password } } },
            scope = new { project = new { name = "demo", domain = new { name = "Default" } } },
        },
    });

    private async Task<string> TokenAsync()
    {
        var (status, _, headers) = await SendAsync(new OpenStackFunctions().Identity, "POST", "/api/identity/v3/auth/tokens", AuthBody());
        Assert.Equal(201, status);
        return headers["X-Subject-Token"].ToString();
    }

    private async Task<(int Status, JsonElement Body, IHeaderDictionary Headers)> SendAsync(
        Func<HttpRequest, Task<IActionResult>> trigger, string method, string path, string? body = null, string? token = null, bool loopback = false)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        if (loopback)
        {
            // As the Functions host's proxy connects to the worker, which listens on loopback only.
            context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        }

        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("functions.example");
        context.Request.Path = path;
        if (body is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        if (token is not null)
        {
            context.Request.Headers["X-Auth-Token"] = token;
        }

        using var response = new MemoryStream();
        context.Response.Body = response;
        Assert.IsType<EmptyResult>(await trigger(context.Request));
        var text = Encoding.UTF8.GetString(response.ToArray());
        return (context.Response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), context.Response.Headers);
    }
}
