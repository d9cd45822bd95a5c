namespace VmControl.LocalHost.Tests;

[Collection(LocalHostCollection.Name)]
public sealed class IdempotencyTests(LocalHostFixture fixture)
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task SameKeyAndBody_ReplaysTheFirstAnswerAndRunsOneAction()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync(cts.Token);
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };

        var first = await Api.SendAsync(HttpMethod.Post, $"/api/vms/{id}/actions", """{"action":"stop"}""", key, cts.Token);
        await Api.WaitIdleAsync(id, cts.Token);
        var replay = await Api.SendAsync(HttpMethod.Post, $"/api/vms/{id}/actions", """{"action":"stop"}""", key, cts.Token);

        ApiClient.Expect(first, HttpStatusCode.Accepted);
        Assert.Equal((first.Status, first.Body), (replay.Status, replay.Body));
        Assert.Equal(first.Header("Operation-Location"), replay.Header("Operation-Location"));
        var history = await Api.ListActionsAsync(id, cts.Token);
        Assert.Single(history, a => a.Str("action") == "stop");
    }

    [Fact]
    public async Task SameKeyWithAnotherBody_Is422AndRunsNothing()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync(cts.Token);
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var first = await Api.SendAsync(HttpMethod.Post, $"/api/vms/{id}/actions", """{"action":"stop"}""", key, cts.Token);
        ApiClient.Expect(first, HttpStatusCode.Accepted);
        await Api.WaitIdleAsync(id, cts.Token);

        var other = await Api.SendAsync(HttpMethod.Post, $"/api/vms/{id}/actions", """{"action":"start"}""", key, cts.Token);

        ApiClient.Expect(other, HttpStatusCode.UnprocessableEntity);
        Assert.True(other.IsProblem, other.ToString());
        Assert.Equal("idempotency_key_reuse", other.Json.Str("code"));
        Assert.Equal("stopped", (await Api.GetVmAsync(id, cts.Token)).Str("vmState"));
        Assert.DoesNotContain(await Api.ListActionsAsync(id, cts.Token), a => a.Str("action") == "start");
    }
}
