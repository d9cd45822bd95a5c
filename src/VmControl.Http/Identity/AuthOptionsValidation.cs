using Microsoft.Extensions.Options;

namespace VmControl.Http.Identity;

/// <summary>Refuses to start with a key that could never match or that names no role (a typo would lock its owner out silently).</summary>
public sealed class AuthOptionsValidation : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            if (string.IsNullOrWhiteSpace(key.Name) || key.Name.Length > 128 || key.Name.Any(char.IsControl))
            {
                failures.Add($"Auth:ApiKeys:{i}:Name must be 1-128 characters.");
            }

            if (RoleNames.Parse(key.Role) is null)
            {
                failures.Add($"Auth:ApiKeys:{i}:Role must be reader, operator or admin.");
            }

            if (key.Project is not null && !Projects.IsValid(key.Project))
            {
                failures.Add($"Auth:ApiKeys:{i}:Project must be 1-64 letters, digits, '-', '_' or '.'.");
            }

            if (key.Hash is not { Length: 64 } hash || !hash.All(Uri.IsHexDigit))
            {
                failures.Add($"Auth:ApiKeys:{i}:Hash must be the key's SHA-256 in 64 hex characters.");
            }
        }

        if (options.ApiKeys.Where(k => k.Hash is not null).GroupBy(k => k.Hash!.ToLowerInvariant()).Any(g => g.Count() > 1))
        {
            failures.Add("Auth:ApiKeys holds the same key twice.");
        }

        if (!Projects.IsValid(options.DefaultProject))
        {
            failures.Add("Auth:DefaultProject must be 1-64 letters, digits, '-', '_' or '.'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
