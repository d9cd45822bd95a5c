using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VmControl.Events.Tests.EventGrid;

/// <summary>
/// An Event Grid topic's publish endpoint on 127.0.0.1 (Kestrel, https with a throwaway self-signed certificate: the
/// SDK sends a bearer token only over TLS). It records each request and answers with <see cref="Status"/>.
/// </summary>
public sealed class FakeTopic : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeTopic(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public int Status { get; set; } = StatusCodes.Status200OK;

    public List<(string Path, string? ContentType, string? Authorization, string Body)> Requests { get; } = [];

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeTopic> StartAsync()
    {
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var topic = new FakeTopic(app, certificate);
        app.MapPost("/api/events", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            lock (topic.Requests)
            {
                topic.Requests.Add((context.Request.Path, context.Request.ContentType, context.Request.Headers.Authorization.ToString(), body));
            }

            context.Response.StatusCode = topic.Status;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        topic.Endpoint = new Uri(new Uri(address), "/api/events");
        return topic;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Certificate.Dispose();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Re-imported so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }
}
