using System.Text.Json.Nodes;

namespace VmControl.Drivers.Azure.Tests;

/// <summary>A VM the fake ARM endpoint holds: enough of its model for the driver's reads.</summary>
internal sealed class FakeVm(string id)
{
    public string Id { get; } = id;

    public string Name => Id[(Id.LastIndexOf('/') + 1)..];

    public string Size { get; set; } = "Standard_B2s";

    public bool HibernationEnabled { get; set; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>The instance-view status codes, e.g. <c>PowerState/running</c>; null entries are left out.</summary>
    public List<string> Statuses { get; } = ["ProvisioningState/succeeded", "PowerState/running"];

    public string OsDiskId => Id[..Id.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase)] + "/providers/Microsoft.Compute/disks/" + Name + "-os";

    public void SetPower(string power)
    {
        Statuses.RemoveAll(s => s.StartsWith("PowerState/", StringComparison.Ordinal) || s.StartsWith("HibernationState/", StringComparison.Ordinal));
        Statuses.Add("PowerState/" + power);
    }

    public JsonObject ToJson(bool instanceView)
    {
        var properties = new JsonObject
        {
            ["hardwareProfile"] = new JsonObject { ["vmSize"] = Size },
            ["additionalCapabilities"] = new JsonObject { ["hibernationEnabled"] = HibernationEnabled },
            ["storageProfile"] = new JsonObject
            {
                ["osDisk"] = new JsonObject
                {
                    ["name"] = Name + "-os",
                    ["createOption"] = "FromImage",
                    ["managedDisk"] = new JsonObject { ["id"] = OsDiskId },
                },
            },
            ["provisioningState"] = "Succeeded",
        };
        if (instanceView)
        {
            properties["instanceView"] = new JsonObject
            {
                ["statuses"] = new JsonArray([.. Statuses.Select(code => (JsonNode)new JsonObject { ["code"] = code })]),
            };
        }

        var tags = new JsonObject();
        foreach (var (key, value) in Tags)
        {
            tags[key] = value;
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["type"] = "Microsoft.Compute/virtualMachines",
            ["location"] = "westeurope",
            ["tags"] = tags,
            ["properties"] = properties,
        };
    }
}
