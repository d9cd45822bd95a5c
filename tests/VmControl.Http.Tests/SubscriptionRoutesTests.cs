using System.Text.Json;

namespace VmControl.Http.Tests;

/// <summary>The webhook subscription routes in memory: bad input, the handshake's refusal, create/read/delete, dead letters.</summary>
public sealed class SubscriptionRoutesTests
{
    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{ }""", "url" },
        { """{ "url": "" }""", "url" },
        { """{ "url": "https://h.example/x", "types": [] }""", "types" },
        { """{ "url": "https://h.example/x", "types": ["vmcontrol.*.v1"] }""", "types" },
        { """{ "url": "https://h.example/x", "types": ["has space"] }""", "types" },
        { """{ "url": "https://h.example/x", "subjects": [] }""", "subjects" },
        { """{ "url": "https://h.example/x", "secret": "plain" }""", "secret" },
        { """{ "url": "https://h.example/x", "secret": "whsec_c2hvcnQ=" }""", "secret" },
        { """{ "url": "https://h.example/x", "maxAttempts": 0 }""", "maxAttempts" },
        { """{ "url": "https://h.example/x", "maxAttempts": 51 }""", "maxAttempts" },
        { """{ "url": "https://h.example/x", "maxAttempts": "many" }""", "" },
        { """[1, 2]""", "" },
        { """{ "url": """, "" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Create_BadBody_Is400InvalidSubscription(string body, string named)
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsync("POST", "/api/event-subscriptions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal("invalid_subscription", problem.GetProperty("code").GetString());
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await api.Subscriptions.ListAsync());
    }

    [Theory]
    [InlineData(false, "invalid_subscription")]
    [InlineData(true, "webhook_validation_failed")]
    public async Task Create_UrlRefused_Is400WithTheRefusalsCode(bool handshake, string code)
    {
        await using var api = await ApiHost.StartAsync();
        api.Webhooks.Refusal = new WebhookRefusal(handshake, "refused for the test");

        using var response = await api.SendAsync("POST", "/api/event-subscriptions", """{ "url": "https://h.example/x" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("refused for the test", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Create_Valid_Is201WithTheSecretOnce_ThenReadableWithoutIt_ThenDeleted()
    {
        await using var api = await ApiHost.StartAsync();

        using var created = await api.SendAsync("POST", "/api/event-subscriptions", """{ "url": "https://h.example/x", "types": ["vmcontrol.vm.*"], "maxAttempts": 3 }""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ApiHost.JsonAsync(created);
        var id = body.GetProperty("id").GetString()!;
        Assert.Matches("^sub-[0-9a-f]{16}$", id);
        Assert.Equal("/api/event-subscriptions/" + id, created.Headers.Location?.ToString());
        Assert.StartsWith("whsec_", body.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, body.GetProperty("maxAttempts").GetInt32());
        Assert.Equal(1, api.Delivery.Changes);

        using var read = await api.SendAsync("GET", "/api/event-subscriptions/" + id);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False((await ApiHost.JsonAsync(read)).TryGetProperty("secret", out _));
        using var list = await api.SendAsync("GET", "/api/event-subscriptions");
        Assert.DoesNotContain("whsec_", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var deleted = await api.SendAsync("DELETE", "/api/event-subscriptions/" + id);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await api.SendAsync("GET", "/api/event-subscriptions/" + id);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("subscription_not_found", (await ApiHost.JsonAsync(gone)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Create_WithoutTypesAndMaxAttempts_TakesAllAndTheConfiguredBudget()
    {
        await using var api = await ApiHost.StartAsync();

        using var created = await api.SendAsync("POST", "/api/event-subscriptions", """{ "url": "https://h.example/x", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }""");

        var body = await ApiHost.JsonAsync(created);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("types").ValueKind);
        Assert.Equal(12, body.GetProperty("maxAttempts").GetInt32());
        Assert.Equal("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", body.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task DeadLetters_ListAndReplay_ShowTheCloudEventAndHandItToDelivery()
    {
        await using var api = await ApiHost.StartAsync();
        var subscription = api.SeedSubscription();

        using var list = await api.SendAsync("GET", $"/api/event-subscriptions/{subscription.Id}/dead-letters");
        var item = Assert.Single((await ApiHost.JsonAsync(list)).GetProperty("items").EnumerateArray());
        Assert.Equal("HTTP 500", item.GetProperty("lastError").GetString());
        Assert.Equal(item.GetProperty("eventId").GetString(), item.GetProperty("event").GetProperty("id").GetString());
        Assert.Equal("1.0", item.GetProperty("event").GetProperty("specversion").GetString());

        using var replay = await api.SendAsync("POST", $"/api/event-subscriptions/{subscription.Id}/dead-letters/replay");
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(1, (await ApiHost.JsonAsync(replay)).GetProperty("replayed").GetInt32());
        Assert.Single(api.Delivery.Replayed);

        // Listed until delivery has delivered it (this fake delivers nothing), so a process that stops loses nothing.
        Assert.Single(await api.DeadLetters.ListAsync(subscription.Id));
    }

    [Theory]
    [InlineData("GET", "/api/event-subscriptions/sub-ffffffffffffffff")]
    [InlineData("GET", "/api/event-subscriptions/not-an-id")]
    [InlineData("DELETE", "/api/event-subscriptions/sub-ffffffffffffffff")]
    [InlineData("GET", "/api/event-subscriptions/sub-ffffffffffffffff/dead-letters")]
    [InlineData("POST", "/api/event-subscriptions/sub-ffffffffffffffff/dead-letters/replay")]
    [InlineData("GET", "/api/event-subscriptions/publisher:Bad_Name/dead-letters")]
    public async Task UnknownSubscription_Is404SubscriptionNotFound(string method, string path)
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsync(method, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("subscription_not_found", (await ApiHost.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task PublisherDeadLetters_AreListedUnderPublisherName()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsync("GET", "/api/event-subscriptions/publisher:event-grid/dead-letters");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await ApiHost.JsonAsync(response)).GetProperty("items").EnumerateArray());
    }
}
