using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VmControl.Drivers.Azure.Tests;

/// <summary>The fake's VM create: a PUT of a VM that does not exist yet, answered 201 with an LRO like ARM.</summary>
internal sealed partial class FakeArm
{
    private async Task CreateVmAsync(HttpContext context, string vmPath, string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var vm = new FakeVm(vmPath);
        if (json["properties"]?["hardwareProfile"]?["vmSize"]?.GetValue<string>() is { } size)
        {
            vm.Size = size;
        }

        if (json["tags"] is JsonObject tags)
        {
            foreach (var (key, value) in tags)
            {
                vm.Tags[key] = value!.GetValue<string>();
            }
        }

        // The machine lands at once (running, provisioned); the LRO's status URL answers on its own (OperationStatuses).
        Vms[vmPath] = vm;
        StartOperation(context);
        var answer = vm.ToJson(instanceView: false);
        answer["properties"]!["provisioningState"] = "Creating";
        await JsonAsync(context, 201, answer);
    }
}
