using System.Collections.Concurrent;
using CsCheck;
using VmControl.Reliability.Tests.Fuzz;

namespace VmControl.Reliability.Tests;

/// <summary>
/// At least 1,000 generated bad requests over every route: never a 5xx, every error problem+json with a code, every
/// request built to be invalid refused, and no record changed (the existing VMs and their histories are compared
/// with a snapshot every 100 requests and at the end).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class BadInputFuzzTests(ITestOutputHelper output)
{
    private const int Requests = 1200;
    private const int SnapshotEvery = 100;

    [Fact]
    public async Task ThousandsOfGeneratedBadRequests_NoServerErrorOnlyProblemsAndNothingChanged()
    {
        using var cts = TestTimeout.Start(240);
        var figures = new Figures(nameof(BadInputFuzzTests));
        await using var host = await ReliabilityHost.StartAsync(cts.Token);
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

        var after = await SnapshotAsync(api, vms, cancellationToken);
        Assert.Equal(before, after);
        figures.Checked(vms.Length * 2);
        Assert.True(sent >= 1000, $"only {sent} requests were sent");
        figures.Extra["generated"] = sent.ToString(CultureInfo.InvariantCulture);
        figures.Extra["rejected"] = rejected.ToString(CultureInfo.InvariantCulture);
        figures.Extra["statuses"] = string.Join(",", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}x{s.Value}"));
        output.WriteLine($"statuses: {figures.Extra["statuses"]}");
    }

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
