using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace VmControl.Drivers.Azure.Tests;

/// <summary>
/// A small ARM endpoint on TestServer: records every request and answers like ARM for the VM calls the driver makes.
/// In-process because Azure.Core refuses bearer tokens over http:// (docs/architecture.md); the URI stays https://.
/// </summary>
internal sealed partial class FakeArm : IAsyncDisposable
{
    public const string Host = "https://management.azure.com";
    public const string Subscription = "00000000-0000-0000-0000-000000000001";
    public const string Group = "rg1";

    private readonly Lock gate = new();
    private readonly List<FakeArmRequest> requests = [];
    private readonly Dictionary<string, FakeArmOperation> operations = new(StringComparer.Ordinal);
    private readonly Queue<(int Status, string Code, int? RetryAfter)> failures = new();
    private WebApplication? app;
    private int operationCount;

    public Dictionary<string, FakeVm> Vms { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the next LROs' status URLs answer in turn.</summary>
    public List<string> OperationStatuses { get; } = ["InProgress", "Succeeded"];

    public (string Code, string Message)? OperationError { get; set; }

    /// <summary>Whether LROs answer with Azure-AsyncOperation; without it, only Location (polled by status code).</summary>
    public bool AsyncOperationHeader { get; set; } = true;

    /// <summary>VMs per page of the subscription list.</summary>
    public int ListPageSize { get; set; } = 2;

    public HttpMessageHandler Handler => app!.GetTestServer().CreateHandler();

    public IReadOnlyList<FakeArmRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public static string VmId(string name, string group = Group) =>
        $"/subscriptions/{Subscription}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/{name}";

    public static async Task<FakeArm> StartAsync()
    {
        var fake = new FakeArm();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        fake.app = builder.Build();
        fake.app.Run(fake.HandleAsync);
        await fake.app.StartAsync();
        return fake;
    }

    public FakeVm AddVm(string name, string group = Group)
    {
        var vm = new FakeVm(VmId(name, group));
        Vms[vm.Id] = vm;
        return vm;
    }

    /// <summary>The next request fails with this status and ARM error code (and Retry-After, when given).</summary>
    public void FailNext(int status, string code, int? retryAfterSeconds = null)
    {
        lock (gate)
        {
            failures.Enqueue((status, code, retryAfterSeconds));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var path = request.Path.Value ?? string.Empty;
        (int Status, string Code, int? RetryAfter)? failure = null;
        lock (gate)
        {
            requests.Add(new FakeArmRequest(request.Method, path, request.Query["api-version"], request.QueryString.Value ?? string.Empty, body, request.Headers.Authorization));
            if (failures.Count > 0)
            {
                failure = failures.Dequeue();
            }
        }

        if (failure is { } f)
        {
            if (f.RetryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            await ErrorAsync(context, f.Status, f.Code, $"Fake ARM failure {f.Code}.");
            return;
        }

        await RouteAsync(context, path, body);
    }
}
