using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace VmControl.Testing;

/// <summary>
/// The API of docs/api.md over real HTTP, with the waits the tests need (each bounded: a time-out throws, it never
/// returns quietly) and the simulator's knobs. Holds it adds are remembered, so <see cref="ResetSimulatorAsync"/>
/// can release them: a shared host never keeps another test's hold or latency.
/// </summary>
public sealed class ApiClient : IDisposable
{
    /// <summary>The longest a test waits for a task to end by default; the simulator with no latency ends one in well under a second.</summary>
    public static readonly TimeSpan DefaultTaskTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient http;
    private readonly ConcurrentDictionary<string, byte> holds = new(StringComparer.Ordinal);

    private long sent;

    /// <param name="taskTimeout">The longest one wait polls (default <see cref="DefaultTaskTimeout"/>).</param>
    /// <param name="apiKey">The key sent in <c>X-Api-Key</c> (default <see cref="TestKeys.Admin"/>; null sends none).</param>
    public ApiClient(Uri baseAddress, TimeSpan? taskTimeout = null, string? apiKey = TestKeys.Admin)
    {
        TaskTimeout = taskTimeout ?? DefaultTaskTimeout;
        http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add(TestKeys.Header, apiKey);
        }
    }

    public TimeSpan TaskTimeout { get; }

    /// <summary>How many requests this client has sent (the reliability suite reports it).</summary>
    public long RequestsSent => Interlocked.Read(ref sent);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref sent);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

        // A server-sent events stream never ends by itself: only its status and headers are read, and disposing the
        // response closes it.
        var text = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? string.Empty
            : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiResponse(response.StatusCode, all, response.Content.Headers.ContentType?.MediaType, text);
    }

    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, null, cancellationToken);

    public Task<ApiResponse> PostAsync(string path, string body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, null, cancellationToken);

    public Task<ApiResponse> ActionAsync(string vmId, string body, CancellationToken cancellationToken) =>
        PostAsync($"/api/vms/{vmId}/actions", body, cancellationToken);

    /// <summary>Creates a VM and returns its id (the create is accepted; it may still be spawning).</summary>
    public Task<string> CreateVmAsync(CancellationToken cancellationToken) =>
        CreateVmAsync("e2e-" + Guid.NewGuid().ToString("N")[..8], "ubuntu", cancellationToken);

    public async Task<string> CreateVmAsync(string name, string image, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { name, size = "small", image });
        var created = await PostAsync("/api/vms", body, cancellationToken).ConfigureAwait(false);
        Expect(created, HttpStatusCode.Accepted);
        return created.Json.Str("id")!;
    }

    /// <summary>Creates a VM and waits until its create task ended.</summary>
    public Task<string> CreateActiveVmAsync(CancellationToken cancellationToken) =>
        CreateActiveVmAsync("e2e-" + Guid.NewGuid().ToString("N")[..8], "ubuntu", cancellationToken);

    public async Task<string> CreateActiveVmAsync(string name, string image, CancellationToken cancellationToken)
    {
        var id = await CreateVmAsync(name, image, cancellationToken).ConfigureAwait(false);
        var vm = await WaitIdleAsync(id, cancellationToken).ConfigureAwait(false);
        return vm.Str("vmState") == "active" ? id : throw new InvalidOperationException($"VM {id} did not become active: {vm}");
    }

    /// <summary>Requests an action, expects 202 and returns the action id.</summary>
    public async Task<string> StartActionAsync(string vmId, string body, CancellationToken cancellationToken)
    {
        var accepted = await ActionAsync(vmId, body, cancellationToken).ConfigureAwait(false);
        Expect(accepted, HttpStatusCode.Accepted);
        return accepted.Json.Str("id")!;
    }

    /// <summary>As above, with the body given as an object (serialized as JSON).</summary>
    public Task<string> StartActionAsync(string vmId, object body, CancellationToken cancellationToken) =>
        StartActionAsync(vmId, JsonSerializer.Serialize(body), cancellationToken);

    public async Task<JsonElement> GetVmAsync(string vmId, CancellationToken cancellationToken)
    {
        var vm = await GetAsync($"/api/vms/{vmId}", cancellationToken).ConfigureAwait(false);
        Expect(vm, HttpStatusCode.OK);
        return vm.Json;
    }

    public async Task<JsonElement> GetActionAsync(string vmId, string actionId, CancellationToken cancellationToken)
    {
        var action = await GetAsync($"/api/vms/{vmId}/actions/{actionId}", cancellationToken).ConfigureAwait(false);
        Expect(action, HttpStatusCode.OK);
        return action.Json;
    }

    public async Task<JsonElement[]> ListActionsAsync(string vmId, CancellationToken cancellationToken)
    {
        var page = await GetAsync($"/api/vms/{vmId}/actions?limit=1000", cancellationToken).ConfigureAwait(false);
        Expect(page, HttpStatusCode.OK);
        return page.Json.Items();
    }

    /// <summary>Polls the VM until it is idle (no task in flight) in <paramref name="vmState"/>.</summary>
    public Task<JsonElement> WaitVmStateAsync(string vmId, string vmState, CancellationToken cancellationToken) =>
        WaitVmAsync(vmId, vm => vm.Str("vmState") == vmState && vm.Str("taskState") is null, cancellationToken);

    /// <summary>Polls the VM until no task is in flight.</summary>
    public Task<JsonElement> WaitIdleAsync(string vmId, CancellationToken cancellationToken) =>
        WaitVmAsync(vmId, vm => vm.Str("taskState") is null, cancellationToken);

    public async Task<JsonElement> WaitVmAsync(string vmId, Func<JsonElement, bool> done, CancellationToken cancellationToken)
    {
        return await PollAsync(() => GetVmAsync(vmId, cancellationToken), done, $"VM {vmId}", cancellationToken).ConfigureAwait(false);
    }

    public async Task<JsonElement> WaitActionAsync(string vmId, string actionId, Func<JsonElement, bool> done, CancellationToken cancellationToken)
    {
        return await PollAsync(() => GetActionAsync(vmId, actionId, cancellationToken), done, $"action {actionId} of VM {vmId}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls the action until it is no longer running.</summary>
    public Task<JsonElement> WaitActionEndedAsync(string vmId, string actionId, CancellationToken cancellationToken) =>
        WaitActionAsync(vmId, actionId, a => a.Str("status") != "running", cancellationToken);

    public async Task SetSimulatorLatencyAsync(int latencyMs, CancellationToken cancellationToken)
    {
        var set = await SendAsync(HttpMethod.Put, "/api/simulator/settings", $$"""{"latencyMs":{{latencyMs}},"failureRate":0}""", null, cancellationToken).ConfigureAwait(false);
        Expect(set, HttpStatusCode.OK);
    }

    /// <summary>
    /// Holds the VM's operations (<paramref name="vmId"/> <c>*</c>: every VM's; <paramref name="action"/> null: every
    /// action) in progress until <see cref="ReleaseHoldAsync"/>; returns the hold's id.
    /// </summary>
    public async Task<string> HoldAsync(string vmId, string? action, CancellationToken cancellationToken)
    {
        var added = await PostAsync("/api/simulator/holds", JsonSerializer.Serialize(new { vmId, action }), cancellationToken).ConfigureAwait(false);
        Expect(added, HttpStatusCode.Created);
        var id = added.Json.Str("id")!;
        holds[id] = 0;
        return id;
    }

    public async Task ReleaseHoldAsync(string holdId, CancellationToken cancellationToken)
    {
        var released = await SendAsync(HttpMethod.Delete, $"/api/simulator/holds/{holdId}", null, null, cancellationToken).ConfigureAwait(false);
        Expect(released, HttpStatusCode.OK);
        holds.TryRemove(holdId, out _);
    }

    /// <summary>
    /// For a test's <c>finally</c> on a shared host: releases the holds this client added (one already released is
    /// fine) and sets latency and failure rate back to 0.
    /// </summary>
    public async Task ResetSimulatorAsync(CancellationToken cancellationToken)
    {
        foreach (var id in holds.Keys)
        {
            var released = await SendAsync(HttpMethod.Delete, $"/api/simulator/holds/{id}", null, null, cancellationToken).ConfigureAwait(false);
            if (released.Status is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
            {
                throw new InvalidOperationException($"Releasing hold {id} answered {released}");
            }

            holds.TryRemove(id, out _);
        }

        await SetSimulatorLatencyAsync(0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An out-of-band power change of the VM's machine.</summary>
    public async Task SetSimulatorPowerStateAsync(string vmId, string powerState, CancellationToken cancellationToken)
    {
        var set = await PostAsync($"/api/simulator/vms/{vmId}/power-state", JsonSerializer.Serialize(new { powerState }), cancellationToken).ConfigureAwait(false);
        Expect(set, HttpStatusCode.OK);
    }

    /// <summary>One power-sync pass, expected to run (200).</summary>
    public async Task<JsonElement> PowerSyncAsync(CancellationToken cancellationToken)
    {
        var pass = await SendAsync(HttpMethod.Post, "/api/power-sync", null, null, cancellationToken).ConfigureAwait(false);
        Expect(pass, HttpStatusCode.OK);
        return pass.Json;
    }

    public static void Expect(ApiResponse response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != status)
        {
            throw new InvalidOperationException($"Expected HTTP {(int)status}, got {response}");
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonElement> PollAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TaskTimeout);
        JsonElement last = default;
        try
        {
            while (true)
            {
                last = await read().ConfigureAwait(false);
                if (done(last))
                {
                    return last;
                }

                await Task.Delay(PollEvery, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} did not reach the expected state within {TaskTimeout}; last seen: {last}");
        }
    }
}
