namespace VmControl.Http.Tests.Identity;

/// <summary>Alerts under identity: an acknowledgement records who made it, and another project's alerts are not listed.</summary>
public sealed class AlertActorTests
{
    [Fact]
    public async Task Acknowledge_RecordsTheAuthenticatedCaller()
    {
        await using var api = await ApiHost.StartAsync();
        var alert = api.SeedAlert(api.SeedVm());

        using var response = await api.SendAsAsync(TestKeys.Operator, "POST", $"/api/alerts/{alert.Id}/acknowledge", """{ "note": "on it" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiHost.JsonAsync(response);
        Assert.Equal(("test-operator", "acknowledged"), (body.GetProperty("acknowledgedBy").GetString(), body.GetProperty("status").GetString()));
        Assert.Equal("test-operator", (await api.Alerts.GetAsync(alert.Id))!.AcknowledgedBy);
    }

    [Fact]
    public async Task ListAlerts_AnotherProjectsOperator_SeesNone_AnAdminSeesThem()
    {
        await using var api = await ApiHost.StartAsync();
        api.SeedAlert(api.SeedVm());

        using var other = await api.SendAsAsync(TestKeys.OtherProjectOperator, "GET", "/api/alerts");
        using var admin = await api.SendAsAsync(TestKeys.Admin, "GET", "/api/alerts");

        Assert.Equal(0, (await ApiHost.JsonAsync(other)).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await ApiHost.JsonAsync(admin)).GetProperty("items").GetArrayLength());
    }
}
