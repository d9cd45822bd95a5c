using System.Diagnostics;
using System.Text.Json.Nodes;

namespace VmControl.OpenStack.Tests.Support;

/// <summary>
/// Runs Tempest's compute response schemas (the copies in <c>Tempest/</c>, see its README) over responses the test
/// collected: one <c>python3 Tempest/validate.py</c> run for all of them, as Python's start-up costs about a second.
/// </summary>
public sealed class TempestOracle
{
    private readonly JsonArray cases = [];

    public int Count => cases.Count;

    /// <param name="client">Which Tempest service client's version table picks the module: servers, flavors, versions, or actions (always v2_1, as Tempest's create and action calls).</param>
    public void Add(string name, string version, string client, string schema, int status, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var headerObject = new JsonObject();
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
        {
            // Tempest sees urllib3's header names, lower case.
            headerObject[key.ToLowerInvariant()] = value;
        }

        cases.Add(new JsonObject
        {
            ["name"] = name,
            ["version"] = version,
            ["client"] = client,
            ["schema"] = schema,
            ["status"] = status,
            ["headers"] = headerObject,
            ["body"] = body?.DeepClone(),
        });
    }

    /// <summary>The cases checked and the failures, each "name @ version (module.schema): error".</summary>
    public async Task<(int Checked, IReadOnlyList<string> Failures)> RunAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"vmcontrol-tempest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, cases.ToJsonString()).ConfigureAwait(false);
        try
        {
            var start = new ProcessStartInfo(OpenStackCloud.Python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";   // no __pycache__ among the committed copies
            start.ArgumentList.Add(RepoPaths.PathOf("tests", "VmControl.OpenStack.Tests", "Tempest", "validate.py"));
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"validate.py exited with {process.ExitCode}: {await errors.ConfigureAwait(false)}");
            }

            var result = JsonNode.Parse(await output.ConfigureAwait(false))!;
            var failures = result["failures"]!.AsArray()
                .Select(f => $"{f!["name"]} @ {f["version"]} ({f["schema"]}): {f["error"]}")
                .ToList();
            return (result["checked"]!.GetValue<int>(), failures);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("KEEP_TEMPEST_CASES") is null)
            {
                File.Delete(file);
            }
        }
    }
}
