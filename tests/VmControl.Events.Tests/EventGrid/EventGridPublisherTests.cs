using System.Text.Json;
using Azure;
using Azure.Core.Pipeline;
using Azure.Messaging.EventGrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VmControl.Events.EventGrid;

namespace VmControl.Events.Tests.EventGrid;

/// <summary>
/// The Event Grid publisher against a local fake topic: the real SDK client, a fake token credential instead of the
/// managed identity. What reaches the topic is a CloudEvents batch of our events, with a bearer token and no key.
/// </summary>
public sealed class EventGridPublisherTests
{
    private static readonly Uri Source = new("https://func-example.azurewebsites.net");

    [Fact]
    public async Task PublishAsync_SendsACloudEventsBatch_WithOurAttributes_AndABearerToken()
    {
        await using var topic = await FakeTopic.StartAsync();
        var credential = new FakeCredential();
        var publisher = Publisher(topic, credential);
        var events = Contract.SampleEvents.All().Take(2).ToList();

        await publisher.PublishAsync(events);

        var request = Assert.Single(topic.Requests);
        Assert.Equal("/api/events", request.Path);
        Assert.StartsWith("application/cloudevents-batch+json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("Bearer " + FakeCredential.Token, request.Authorization);
        Assert.Contains("https://eventgrid.azure.net/.default", credential.Scopes);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(JsonValueKind.Array, body.RootElement.ValueKind);
        Assert.Equal(events.Count, body.RootElement.GetArrayLength());
        foreach (var (sent, e) in body.RootElement.EnumerateArray().Zip(events))
        {
            Assert.Equal("1.0", sent.GetProperty("specversion").GetString());
            Assert.Equal(e.Id, sent.GetProperty("id").GetString());
            Assert.Equal(e.Type, sent.GetProperty("type").GetString());
            Assert.Equal(Source.OriginalString, sent.GetProperty("source").GetString());
            Assert.Equal(e.Subject, sent.GetProperty("subject").GetString());
            Assert.Equal(e.Project, sent.GetProperty("project").GetString());
            Assert.Equal("application/json", sent.GetProperty("datacontenttype").GetString());
            Assert.Equal(JsonDocument.Parse(e.Data).RootElement.GetRawText(), sent.GetProperty("data").GetRawText());
        }
    }

    [Fact]
    public async Task PublishAsync_WhenTheTopicRefuses_Throws()
    {
        await using var topic = await FakeTopic.StartAsync();
        topic.Status = 500;
        var publisher = Publisher(topic, new FakeCredential());

        await Assert.ThrowsAsync<RequestFailedException>(() => publisher.PublishAsync(Contract.SampleEvents.All().Take(1).ToList()));
    }

    [Fact]
    public async Task PublishAsync_ABatchOverTheSizeLimit_GoesInSeveralRequests_InOrder()
    {
        await using var topic = await FakeTopic.StartAsync();
        var publisher = Publisher(topic, new FakeCredential());
        var big = new string('x', 300_000);
        var events = Enumerable.Range(0, 5)
            .Select(i => new VmEvent(EventIds.New(DateTimeOffset.UtcNow, i), EventTypes.VmCreated, "vms/vm-0123456789abcdef", "default", DateTimeOffset.UtcNow, JsonSerializer.Serialize(new { pad = big })))
            .ToList();

        await publisher.PublishAsync(events);

        Assert.True(topic.Requests.Count > 1);
        Assert.All(topic.Requests, r => Assert.True(r.Body.Length <= EventGridPublisher.MaxBatchBytes));
        var ids = topic.Requests.SelectMany(r => JsonDocument.Parse(r.Body).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(events.Select(e => e.Id), ids);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("https://topic.westeurope-1.eventgrid.azure.net/api/events", true)]
    public void AddEventGridPublisher_RegistersAPublisher_OnlyWithAnEndpoint(string? endpoint, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Events:EventGrid:Endpoint"] = endpoint })
            .Build();
        var services = new ServiceCollection();
        services.AddEventGridPublisher(configuration, new FakeCredential());
        using var provider = services.BuildServiceProvider();

        var publishers = provider.GetServices<VmControl.Application.Ports.IEventPublisher>().ToList();

        Assert.Equal(expected, publishers.Count == 1);
        Assert.All(publishers, p => Assert.Equal("event-grid", p.Name));
    }

    private static EventGridPublisher Publisher(FakeTopic topic, FakeCredential credential)
    {
#pragma warning disable CA2000 // The handler lives as long as the client, which lives as long as the test.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == topic.Certificate.Thumbprint,
        };
#pragma warning restore CA2000
        var options = new EventGridPublisherClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.MaxRetries = 0;
        var client = new EventGridPublisherClient(topic.Endpoint, credential, options);
        return new EventGridPublisher(client, Options.Create(new EventSettings { Source = Source }));
    }
}
