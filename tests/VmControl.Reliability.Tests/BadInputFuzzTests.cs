using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using VmControl.Reliability.Tests.Fuzz;

namespace VmControl.Reliability.Tests;

/// <summary>
/// At least 1,000 generated bad requests over every route: never a 5xx, every error problem+json with a code, every
/// request built to be invalid refused, and no record changed (the existing VMs and their histories are compared
/// with a snapshot every 100 requests and at the end). Then the same over the OpenStack face on the same host: every
/// error in Nova's or Keystone's shape instead.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class BadInputFuzzTests(ITestOutputHelper output)
{
    private const int Requests = 1200;
    private const int FaceRequests = 1500;
    private const int SnapshotEvery = 100;
    private const string FaceProject = "default"; // the admin test key's project (TestKeys), where the fuzzed VMs are
    private static readonly string FacePassword = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ThousandsOfGeneratedBadRequests_NoServerErrorOnlyProblemsAndNothingChanged()
    {
        using var cts = TestTimeout.Start(240);
        var figures = new Figures(nameof(BadInputFuzzTests));
        await using var host = await ReliabilityHost.StartAsync(
            [
                "--OpenStack:Accounts:0:User=fuzz",
                "--OpenStack:Accounts:0:Password=" + FacePassword,
                "--OpenStack:Accounts:0:Project=" + FaceProject,
                "--OpenStack:Accounts:0:Roles:0=admin",
            ],
            cts.Token);
        await host.RunAsync(output, () => FuzzAsync(host.Api, figures, cts.Token));
        figures.Print(output, host.RequestsSent);
    }

    private async Task FuzzAsync(ApiClient api, Figures figures, CancellationToken cancellationToken)
    {
        var vms = new[] { await api.CreateActiveVmAsync(cancellationToken), await api.CreateActiveVmAsync(cancellationToken) };
        var before = await SnapshotAsync(api, vms, cancellationToken);
        var statuses = new ConcurrentDictionary<string, int>();
        var recent = new ConcurrentQueue<string>();
        var sent = 0;
        var rejected = 0;

        // One at a time (threads: 1), so that the snapshot taken every 100 requests is attributable to those requests.
        await FuzzRoutes.For(vms).SampleAsync(
            async request =>
            {
                var answer = await api.SendAsync(new HttpMethod(request.Method), request.Path, request.Body, request.Headers, cancellationToken);
                var n = Interlocked.Increment(ref sent);
                statuses.AddOrUpdate($"{(int)answer.Status}", 1, (_, c) => c + 1);
                recent.Enqueue($"{(int)answer.Status} {request}");
                while (recent.Count > SnapshotEvery && recent.TryDequeue(out _))
                {
                }

                // No 5xx on any route: the LocalHost registers its power-sync pass, so power-sync has no 503 excuse either.
                Assert.True((int)answer.Status < 500, $"{request} -> {answer}");
                if ((int)answer.Status >= 400)
                {
                    Interlocked.Increment(ref rejected);
                    Assert.True(answer.IsProblem, $"{request} -> {answer}");
                    var problem = answer.Json;
                    Assert.True(problem.Str("code") is { Length: > 0 }, $"{request} -> {answer}");
                    Assert.True(problem.TryGetProperty("status", out var status) && status.GetInt32() == (int)answer.Status, $"{request} -> {answer}");
                }
                else
                {
                    Assert.False(request.MustReject, $"an invalid request was accepted: {request} -> {answer}");
                }

                if (n % SnapshotEvery == 0)
                {
                    var now = await SnapshotAsync(api, vms, cancellationToken);
                    Assert.True(before == now, $"a record changed within these requests:{Environment.NewLine}{string.Join(Environment.NewLine, recent)}{Environment.NewLine}before: {before}{Environment.NewLine}after: {now}");
                    figures.Checked(vms.Length * 2);
                }
            },
            iter: Requests,
            threads: 1);

        await FaceFuzzAsync(api, vms, before, cancellationToken);

        var after = await SnapshotAsync(api, vms, cancellationToken);
        Assert.Equal(before, after);
        figures.Checked(vms.Length * 2);
        Assert.True(sent >= 1000, $"only {sent} requests were sent");
        figures.Extra["generated"] = sent.ToString(CultureInfo.InvariantCulture);
        figures.Extra["rejected"] = rejected.ToString(CultureInfo.InvariantCulture);
        figures.Extra["statuses"] = string.Join(",", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}x{s.Value}"));
        output.WriteLine($"statuses: {figures.Extra["statuses"]}");
    }

    /// <summary>The OpenStack face: no 5xx, every error in Nova's or Keystone's shape, every invalid request refused, no record changed.</summary>
    private async Task FaceFuzzAsync(ApiClient api, string[] vms, string before, CancellationToken cancellationToken)
    {
        var login = await api.SendAsync(HttpMethod.Post, "/identity/v3/auth/tokens", FaceLogin(), null, cancellationToken);
        ApiClient.Expect(login, HttpStatusCode.Created);
        var token = login.Header("X-Subject-Token")!;
        var statuses = new ConcurrentDictionary<string, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        await FaceFuzzRoutes.For(vms, token).SampleAsync(
            async request =>
            {
                var answer = await api.SendAsync(new HttpMethod(request.Method), request.Path, request.Body, request.Headers, cancellationToken);
                var n = Interlocked.Increment(ref sent);
                statuses.AddOrUpdate($"{(int)answer.Status}", 1, (_, c) => c + 1);
                Assert.True((int)answer.Status < 500, $"{request} -> {answer}");
                if ((int)answer.Status >= 400)
                {
                    Assert.True(IsOpenStackError(answer), $"not in Nova's or Keystone's error shape: {request} -> {answer}");
                }
                else
                {
                    Assert.False(request.MustReject, $"an invalid request was accepted: {request} -> {answer}");
                }

                if (n % SnapshotEvery == 0)
                {
                    Assert.Equal(before, await SnapshotAsync(api, vms, cancellationToken));
                }
            },
            iter: FaceRequests,
            threads: 1);
        output.WriteLine($"face: {sent} requests in {clock.Elapsed.TotalSeconds:F1} s; statuses: {string.Join(",", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}x{s.Value}"))}");
        Assert.Equal(FaceRequests, sent);
    }

    /// <summary>Nova's fault (<c>{"name": {"code", "message"}}</c>) or Keystone's error (<c>{"error": {"code", "title", "message"}}</c>), as JSON.</summary>
    private static bool IsOpenStackError(ApiResponse answer)
    {
        if (answer.MediaType != "application/json")
        {
            return false;
        }

        using var document = JsonDocument.Parse(answer.Body);
        if (document.RootElement.ValueKind != JsonValueKind.Object || document.RootElement.EnumerateObject().Count() != 1)
        {
            return false;
        }

        var only = document.RootElement.EnumerateObject().Single();
        var fault = only.Value;
        return fault.ValueKind == JsonValueKind.Object
            && fault.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() == (int)answer.Status
            && fault.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            && (only.Name != "error" || (fault.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String));
    }

    private static string FaceLogin() => JsonSerializer.Serialize(new
    {
        auth = new
        {
            identity = new { methods = new[] { "password" }, password = new { user = new { name = "fuzz", domain = new { name = "Default" }, password = FacePassword } } },
            scope = new { project = new { name = FaceProject, domain = new { name = "Default" } } },
        },
    });

    // The VMs as the API shows them (ETag included, so any write shows) and their whole histories.
    private static async Task<string> SnapshotAsync(ApiClient api, string[] vms, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var id in vms)
        {
            var vm = await api.GetAsync($"/api/vms/{id}", cancellationToken);
            ApiClient.Expect(vm, HttpStatusCode.OK);
            var actions = await api.ListActionsAsync(id, cancellationToken);
            parts.Add($"{vm.Header("ETag")} {vm.Body} actions={actions.Length}:{string.Join(",", actions.Select(a => a.Str("id") + "/" + a.Str("status")))}");
        }

        return string.Join(Environment.NewLine, parts);
    }
}
