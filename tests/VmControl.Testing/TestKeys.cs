using System.Security.Cryptography;
using System.Text;

namespace VmControl.Testing;

/// <summary>
/// The API keys every test host is configured with (docs/security.md): one per role in the project <c>default</c>,
/// and an operator of another project. Tests send <see cref="Admin"/> unless they test authorization itself.
/// </summary>
public static class TestKeys
{
    public const string Header = "X-Api-Key";
    public const string Admin = "vmc_test_admin_key_0000000000000000000000000";
    public const string Operator = "vmc_test_operator_key_000000000000000000000";
    public const string Reader = "vmc_test_reader_key_00000000000000000000000";
    public const string OtherProjectOperator = "vmc_test_other_operator_key_0000000000000";
    public const string OtherProject = "other";

    /// <summary>(key, name, role, project) for each test key.</summary>
    public static IReadOnlyList<(string Key, string Name, string Role, string Project)> All { get; } =
    [
        (Admin, "test-admin", "admin", "default"),
        (Operator, "test-operator", "operator", "default"),
        (Reader, "test-reader", "reader", "default"),
        (OtherProjectOperator, "test-other-operator", "operator", OtherProject),
    ];

    /// <summary>The settings that configure every test key, as <c>Auth:ApiKeys:N:*</c> pairs.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
        All.SelectMany((k, i) => new[]
        {
            KeyValuePair.Create($"Auth:ApiKeys:{i}:Name", (string?)k.Name),
            KeyValuePair.Create($"Auth:ApiKeys:{i}:Role", (string?)k.Role),
            KeyValuePair.Create($"Auth:ApiKeys:{i}:Project", (string?)k.Project),
            KeyValuePair.Create($"Auth:ApiKeys:{i}:Hash", (string?)HashOf(k.Key)),
        });

    /// <summary>The same settings as command-line arguments of a LocalHost process.</summary>
    public static IEnumerable<string> CommandLine() => Settings().Select(s => $"--{s.Key}={s.Value}");

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
