using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using VmControl.Application.Budget;
using VmControl.Application.Events;
using VmControl.Application.PowerSync;
using VmControl.Application.Settings;
using VmControl.Application.Tasks;
using VmControl.Drivers.Azure;
using VmControl.Drivers.Libvirt;
using VmControl.Drivers.Simulated;
using VmControl.Durable.Sidecar;
using VmControl.Events.EventGrid;
using VmControl.Events.Stream;
using VmControl.Events.Webhooks;
using VmControl.Hosting.Telemetry;
using VmControl.Hosting;
using VmControl.Http.Identity;
using VmControl.OpenStack;

namespace VmControl.Infra.Tests;

/// <summary>
/// docs/configuration.md, the options the code binds, local.settings.sample.json and infra/app-settings.json name the
/// same settings (the Bicep app settings equal app-settings.json: <see cref="AzureDeployTemplateTests"/>).
/// </summary>
public sealed partial class SettingsConsistencyTests
{
    /// <summary>Read by the Functions host, the platform, the SDKs or run.sh rather than bound to an options class.</summary>
    private static readonly string[] NotBound =
    [
        "AzureWebJobsStorage", "AzureWebJobsStorage:accountName", "AzureWebJobsStorage:credential", "AzureWebJobsStorage:clientId",
        "AzureWebJobsStorage:blobServiceUri", "AzureWebJobsStorage:queueServiceUri", "AzureWebJobsStorage:tableServiceUri",
        "FUNCTIONS_WORKER_RUNTIME", "DurableTask:HubName", "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "AZURE_CLIENT_ID", "Logging:LogLevel:{}", "VMCONTROL_URLS", "VMCONTROL_PERSIST",
        "Auth:KeyFile", "AllowedHosts", "WEBSITE_AUTH_ENABLED",
    ];

    private static string DocPath => Path.Combine(Repo.Root, "docs", "configuration.md");

    [Fact]
    public void Doc_NamesEverySettingTheCodeBinds_AndNothingElse()
    {
        var documented = Documented();
        var expected = Bound().Concat(NotBound.Select(Normalize)).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(expected.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(expected).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LocalSettingsSample_NamesOnlyDocumentedSettings()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "local.settings.sample.json")));
        var names = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name);

        Assert.Empty(Undocumented(names));
    }

    [Fact]
    public void InfraAppSettings_NameOnlyDocumentedSettings()
    {
        var names = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Repo.AppSettingsJson))!;

        Assert.Empty(Undocumented(names));
    }

    /// <summary>The names the doc has no row for; <c>Tasks__Deadlines__create</c> is covered by <c>Tasks:Deadlines:{action}</c>.</summary>
    private static List<string> Undocumented(IEnumerable<string> names)
    {
        var documented = Documented();
        var keyed = documented.Where(d => d.EndsWith(":{}", StringComparison.Ordinal)).Select(d => d[..^2]).ToList();
        return [.. names.Where(n => !documented.Contains(Normalize(n)) && !keyed.Any(k => Normalize(n).StartsWith(k, StringComparison.Ordinal)))];
    }

    /// <summary>The settings the hosts bind, from the options classes (the same shape as both Program.cs files).</summary>
    private static IEnumerable<string> Bound()
    {
        // Driver at the root, the storage settings under Storage (both Program.cs files bind the section onto the same object).
        yield return nameof(InfrastructureOptions.Driver);
        foreach (var name in Leaves("Storage", typeof(InfrastructureOptions)).Where(n => n.Count(c => c == ':') == 1 && n != "Storage:" + nameof(InfrastructureOptions.Driver)))
        {
            yield return name;
        }

        var sections = new (string Section, Type Type)[]
        {
            (nameof(InfrastructureOptions.Azure), typeof(AzureDriverOptions)),
            (nameof(InfrastructureOptions.Libvirt), typeof(LibvirtDriverOptions)),
            ("Durable", typeof(DurableEngineOptions)),
            (TelemetryOptions.Section, typeof(TelemetryOptions)),
            (TaskSettingsValidation.Section, typeof(TaskSettings)),
            (PowerSyncSettingsValidation.Section, typeof(PowerSyncSettings)),
            (OpenStackOptions.Section, typeof(OpenStackOptions)),
            (AuthOptions.Section, typeof(AuthOptions)),
            (EventSettings.Section, typeof(EventSettings)),
            (EventStreamSettings.Section, typeof(EventStreamSettings)),
            (EventGridSettings.Section, typeof(EventGridSettings)),
            (RateBudgetSettings.Section, typeof(RateBudgetSettings)),
            (VmControl.Application.Fleet.FleetSettings.Section, typeof(VmControl.Application.Fleet.FleetSettings)),
            ("Simulator", typeof(SimulatorOptions)),
            (DeliverySettings.Section, typeof(DeliverySettings)),
            (WebhookSettings.Section, typeof(WebhookSettings)),
        };
        foreach (var (section, type) in sections)
        {
            foreach (var name in Leaves(section, type))
            {
                yield return Normalize(name);
            }
        }
    }

    private static IEnumerable<string> Leaves(string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = prefix + ":" + property.Name;
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(t))
            {
                if (property.CanWrite)
                {
                    yield return name;
                }
            }
            else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                yield return name + ":{}";
            }
            else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>))
            {
                var item = t.GetGenericArguments()[0];
                if (IsScalar(item))
                {
                    yield return name + ":#";
                }
                else
                {
                    foreach (var leaf in Leaves(name + ":#", item))
                    {
                        yield return leaf;
                    }
                }
            }
            else
            {
                foreach (var leaf in Leaves(name, t))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static bool IsScalar(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(TimeSpan) || t == typeof(Uri) || t == typeof(decimal);

    /// <summary>The first cell of every settings table row in docs/configuration.md.</summary>
    private static HashSet<string> Documented() =>
        [.. File.ReadLines(DocPath).Select(l => DocRow().Match(l)).Where(m => m.Success).Select(m => Normalize(m.Groups[1].Value))];

    /// <summary>One spelling: <c>:</c> for <c>__</c>, <c>#</c> for a list index (N, M), <c>{}</c> for any key placeholder.</summary>
    private static string Normalize(string name) =>
        Placeholder().Replace(Index().Replace(name.Replace("__", ":", StringComparison.Ordinal), ":#"), "{}");

    [GeneratedRegex(@"^\| `([^`]+)` \|")]
    private static partial Regex DocRow();

    // A list index: N or M in the doc, a number in the sample files (Auth__ApiKeys__0__Name).
    [GeneratedRegex(@":([NM]|[0-9]+)(?=:|$)")]
    private static partial Regex Index();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
