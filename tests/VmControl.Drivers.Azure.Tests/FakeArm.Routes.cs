using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VmControl.Drivers.Azure.Tests;

/// <summary>The fake's ARM routes: VM reads, creates and actions, snapshots, operation status, the paged list.</summary>
internal sealed partial class FakeArm
{
    private async Task RouteAsync(HttpContext context, string path, string body)
    {
        var method = context.Request.Method;
        if (path.Contains("/operations/", StringComparison.OrdinalIgnoreCase))
        {
            await OperationStatusAsync(context, path[(path.LastIndexOf('/') + 1)..]);
        }
        else if (method == "GET" && path.EndsWith("/providers/Microsoft.Compute/virtualMachines", StringComparison.OrdinalIgnoreCase))
        {
            await ListAsync(context, path);
        }
        else if (method == "PUT" && path.Contains("/providers/Microsoft.Compute/snapshots/", StringComparison.OrdinalIgnoreCase))
        {
            var snapshot = JsonNode.Parse(body)!.AsObject();
            snapshot["id"] = path;
            StartOperation(context);
            await JsonAsync(context, 202, snapshot);
        }
        else
        {
            await VmAsync(context, path, body);
        }
    }

    private async Task VmAsync(HttpContext context, string path, string body)
    {
        var marker = "/virtualMachines/";
        var at = path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            await ErrorAsync(context, 404, "NotFound", $"The fake has no route for {path}.");
            return;
        }

        var slash = path.IndexOf('/', at + marker.Length);
        var vmPath = slash < 0 ? path : path[..slash];
        var action = slash < 0 ? null : path[(slash + 1)..];
        if (context.Request.Method == "PUT" && action is null && !Vms.ContainsKey(vmPath))
        {
            await CreateVmAsync(context, vmPath, body);
            return;
        }

        if (!Vms.TryGetValue(vmPath, out var vm))
        {
            await ErrorAsync(context, 404, "ResourceNotFound", $"The Resource '{vmPath}' was not found.");
            return;
        }

        var method = context.Request.Method;
        switch (method, action)
        {
            case ("GET", null):
                var expand = context.Request.Query["$expand"].ToString();
                await JsonAsync(context, 200, vm.ToJson(string.Equals(expand, "instanceView", StringComparison.OrdinalIgnoreCase)));
                return;
            case ("PATCH", null):
                Patch(vm, JsonNode.Parse(body)!.AsObject());
                StartOperation(context);
                await JsonAsync(context, 200, vm.ToJson(instanceView: false));
                return;
            case ("DELETE", null):
                Vms.Remove(vmPath);
                StartOperation(context);
                context.Response.StatusCode = 202;
                return;
            case ("POST", _):
                Act(vm, action!, context.Request.Query);
                StartOperation(context);
                context.Response.StatusCode = 202;
                return;
            default:
                await ErrorAsync(context, 405, "MethodNotAllowed", $"{method} {path}");
                return;
        }
    }

    // Effects land at once; the operation's status URL answers independently (OperationStatuses).
    private static void Act(FakeVm vm, string action, IQueryCollection query)
    {
        switch (action)
        {
            case "start" or "restart":
                vm.SetPower("running");
                break;
            case "powerOff":
                vm.SetPower("stopped");
                break;
            case "deallocate":
                vm.SetPower("deallocated");
                if (query["hibernate"] == "true")
                {
                    vm.Statuses.Add("HibernationState/Hibernated");
                }

                break;
        }
    }

    private static void Patch(FakeVm vm, JsonObject patch)
    {
        if (patch["properties"]?["hardwareProfile"]?["vmSize"]?.GetValue<string>() is { } size)
        {
            vm.Size = size;
        }

        if (patch["tags"] is JsonObject tags)
        {
            vm.Tags.Clear();
            foreach (var (key, value) in tags)
            {
                vm.Tags[key] = value!.GetValue<string>();
            }
        }
    }

    private void StartOperation(HttpContext context)
    {
        string id;
        lock (gate)
        {
            id = "op" + (++operationCount).ToString(CultureInfo.InvariantCulture);
            operations[id] = new FakeArmOperation(OperationStatuses, OperationError?.Code, OperationError?.Message);
        }

        var statusUrl = $"{Host}/subscriptions/{Subscription}/providers/Microsoft.Compute/locations/westeurope/operations/{id}?api-version=2023-07-01";
        if (AsyncOperationHeader)
        {
            context.Response.Headers["Azure-AsyncOperation"] = statusUrl;
        }

        context.Response.Headers.Location = statusUrl + "&monitor=true";
        context.Response.Headers.RetryAfter = "5";
    }

    private async Task OperationStatusAsync(HttpContext context, string id)
    {
        FakeArmOperation? operation;
        string? status;
        lock (gate)
        {
            status = operations.TryGetValue(id, out operation) ? operation.NextStatus() : null;
        }

        if (operation is null || status is null)
        {
            await ErrorAsync(context, 404, "NotFound", $"No operation {id}.");
            return;
        }

        if (context.Request.Query["monitor"] == "true")
        {
            await LocationStatusAsync(context, operation, status);
            return;
        }

        var json = new JsonObject { ["name"] = id, ["status"] = status };
        if (status == "Failed")
        {
            json["error"] = new JsonObject { ["code"] = operation.ErrorCode, ["message"] = operation.ErrorMessage };
        }

        if (status == "InProgress")
        {
            context.Response.Headers.RetryAfter = "10";
        }

        await JsonAsync(context, 200, json);
    }

    // A Location URL answers by status code: 202 while running, 200 when done, the error when it failed.
    private static async Task LocationStatusAsync(HttpContext context, FakeArmOperation operation, string status)
    {
        switch (status)
        {
            case "InProgress":
                context.Response.Headers.RetryAfter = "10";
                context.Response.StatusCode = 202;
                break;
            case "Failed":
                await ErrorAsync(context, 400, operation.ErrorCode ?? "Failed", operation.ErrorMessage ?? "Failed.");
                break;
            default:
                context.Response.StatusCode = 200;
                break;
        }
    }

    private async Task ListAsync(HttpContext context, string path)
    {
        var skip = int.TryParse(context.Request.Query["$skiptoken"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var statusOnly = context.Request.Query["statusOnly"] == "true";
        var all = Vms.Values.ToList();
        var page = all.Skip(skip).Take(ListPageSize).Select(vm => (JsonNode)vm.ToJson(instanceView: statusOnly)).ToArray();
        var json = new JsonObject { ["value"] = new JsonArray(page) };
        if (skip + ListPageSize < all.Count)
        {
            json["nextLink"] = $"{Host}{path}?api-version=2023-07-01&statusOnly=true&$skiptoken={skip + ListPageSize}";
        }

        await JsonAsync(context, 200, json);
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        JsonAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static async Task JsonAsync(HttpContext context, int status, JsonNode json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json.ToJsonString(JsonSerializerOptions.Default));
    }
}
