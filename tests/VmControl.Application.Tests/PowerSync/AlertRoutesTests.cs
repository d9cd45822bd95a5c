using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VmControl.Application.PowerSync;
using VmControl.Http;

namespace VmControl.Application.Tests.PowerSync;

/// <summary>
/// <c>POST /api/power-sync</c>, <c>GET /api/alerts</c> and <c>POST /api/alerts/{id}/acknowledge</c> served by the
/// shared HTTP layer over the real Table stores, simulator and Durable engine of a <see cref="TaskSystem"/>.
/// </summary>
public sealed class AlertRoutesTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();
    private WebApplication? app;
    private HttpClient? client;

    public async Task InitializeAsync()
    {
        await system.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestKeys.Settings());
        builder.Logging.ClearProviders();
        var ports = system.Services;
        builder.Services.AddSingleton(_ => ports.GetRequiredService<IVmStore>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<IActionLog>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<IAlertStore>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<IIdempotencyStore>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<IHypervisorDriver>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<ITaskLauncher>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<IOutbox>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<IEventSink>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<IRateBudget>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<IFleetStore>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<IFleetLauncher>());
        builder.Services.AddSingleton(_ => ports.GetRequiredService<VmControl.Application.Budget.BudgetScope>());
        builder.Services.AddVmControlApplication();
        builder.Services.AddVmControlHttp();
        builder.Services.AddVmControlPowerSync();
        app = builder.Build();
        app.MapVmControlApi();
        await app.StartAsync();
        client = app.GetTestClient();
        client.DefaultRequestHeaders.Add(TestKeys.Header, TestKeys.Admin);
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await system.DisposeAsync();
    }

    [Fact]
    public async Task MismatchThroughTheApi_OpensListsAcknowledgesAndResolves()
    {
        var vm = await system.CreateActiveVmAsync();
        await system.SetPowerAsync(vm, PowerState.Shutdown);

        var first = await PostAsync("/api/power-sync");
        var second = await PostAsync("/api/power-sync");
        Assert.Equal((0, 1, false), (first.GetProperty("alertsOpened").GetInt32(), second.GetProperty("alertsOpened").GetInt32(), second.GetProperty("failed").GetBoolean()));
        Assert.Equal(1, second.GetProperty("vmsSeen").GetInt32());

        var open = await GetAsync($"/api/alerts?status=open&kind=power_mismatch&vmId={vm.Id}");
        var alert = Assert.Single(open.GetProperty("items").EnumerateArray());
        Assert.Equal(("power_mismatch", "active", "shutdown"), (alert.GetProperty("kind").GetString(), alert.GetProperty("vmState").GetString(), alert.GetProperty("observedPowerState").GetString()));
        var alertId = alert.GetProperty("id").GetString()!;

        var acknowledged = await PostAsync($"/api/alerts/{alertId}/acknowledge", """{ "note": "looking" }""");
        Assert.Equal(("acknowledged", "looking"), (acknowledged.GetProperty("status").GetString(), acknowledged.GetProperty("acknowledgeNote").GetString()));

        // Acknowledged is still active: the next pass bumps it instead of opening a second one.
        var third = await PostAsync("/api/power-sync");
        Assert.Equal((0, 1), (third.GetProperty("alertsOpened").GetInt32(), third.GetProperty("alertsBumped").GetInt32()));
        Assert.Empty((await GetAsync("/api/alerts?status=open")).GetProperty("items").EnumerateArray());

        await system.SetPowerAsync(vm, PowerState.Running);
        var fourth = await PostAsync("/api/power-sync");
        Assert.Equal(1, fourth.GetProperty("alertsResolved").GetInt32());
        var resolved = Assert.Single((await GetAsync("/api/alerts?status=resolved")).GetProperty("items").EnumerateArray());
        Assert.Equal((alertId, 2), (resolved.GetProperty("id").GetString(), resolved.GetProperty("count").GetInt32()));
    }

    private async Task<JsonElement> PostAsync(string path, string? body = null)
    {
        using var content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json");
        using var response = await client!.PostAsync(new Uri(path, UriKind.Relative), body is null ? null : content);
        return await ReadAsync(response);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await client!.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
