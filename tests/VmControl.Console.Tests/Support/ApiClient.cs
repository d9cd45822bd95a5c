using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VmControl.Console.Tests.Support;

/// <summary>The public API, used by the tests to arrange what the browser then shows (never to assert on the UI's behalf).</summary>
internal sealed class ApiClient(Uri baseAddress) : IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(120);
    private readonly HttpClient http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<string> CreateVmAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/vms", new { name, size = "small", image = "debian-12" }, cancellationToken).ConfigureAwait(false);
        var vm = await Read(response, cancellationToken).ConfigureAwait(false);
        return vm.GetProperty("id").GetString()!;
    }

    public async Task<string> CreateActiveVmAsync(string name, CancellationToken cancellationToken)
    {
        var id = await CreateVmAsync(name, cancellationToken).ConfigureAwait(false);
        await WaitForVmStateAsync(id, "active", cancellationToken).ConfigureAwait(false);
        return id;
    }

    public async Task RequestActionAsync(string id, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"api/vms/{id}/actions", body, cancellationToken).ConfigureAwait(false);
        await Read(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JsonElement> GetVmAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"api/vms/{id}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return await Read(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until the VM is idle in <paramref name="vmState"/>; bounded, so a stuck task fails the test.</summary>
    public async Task WaitForVmStateAsync(string id, string vmState, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var vm = await GetVmAsync(id, cancellationToken).ConfigureAwait(false);
            if (vm.GetProperty("vmState").GetString() == vmState && vm.GetProperty("taskState").ValueKind == JsonValueKind.Null)
            {
                return;
            }

            if (clock.Elapsed > WaitLimit)
            {
                throw new TimeoutException($"{id} did not become {vmState}: {vm}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SetLatencyAsync(int latencyMs, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync("api/simulator/settings", new { latencyMs, failureRate = 0.0 }, cancellationToken).ConfigureAwait(false);
        await Read(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetPowerStateAsync(string id, string powerState, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"api/simulator/vms/{id}/power-state", new { powerState }, cancellationToken).ConfigureAwait(false);
        await Read(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One power-sync pass; false while the host has none (503 until power sync lands).</summary>
    public async Task<bool> PowerSyncAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri("api/power-sync", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return false;
        }

        await Read(response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public void Dispose() => http.Dispose();

    private static async Task<JsonElement> Read(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
