using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VmControl.Http.Identity;

namespace VmControl.Http.Tests.Identity;

/// <summary>API keys: looked up by their SHA-256; a key sent twice or unknown is refused; bad settings stop the host.</summary>
public sealed class ApiKeysTests
{
    [Fact]
    public void Authenticate_AConfiguredKey_IsItsCaller()
    {
        var keys = Keys(new ApiKeyOption { Name = "ci", Role = "operator", Project = "web", Hash = ApiKeys.HashOf("secret-1") });

        var known = Assert.IsType<Authentication.Known>(keys.Authenticate(Request("secret-1")));

        Assert.Equal(new Caller("ci", Role.Operator, "web"), known.Caller);
    }

    [Theory]
    [InlineData("secret-2")]
    [InlineData("")]
    public void Authenticate_AnUnknownOrEmptyKey_IsRejected(string key) =>
        Assert.IsType<Authentication.Rejected>(Keys(new ApiKeyOption { Name = "ci", Role = "reader", Hash = ApiKeys.HashOf("secret-1") }).Authenticate(Request(key)));

    [Fact]
    public void Authenticate_TheHeaderTwice_IsRejected_EvenWithAValidKeyFirst()
    {
        var keys = Keys(new ApiKeyOption { Name = "ci", Role = "admin", Hash = ApiKeys.HashOf("secret-1") });
        var context = new DefaultHttpContext();
        context.Request.Headers[ApiKeys.Header] = new Microsoft.Extensions.Primitives.StringValues(["secret-1", "other"]);

        Assert.IsType<Authentication.Rejected>(keys.Authenticate(context.Request));
    }

    [Fact]
    public void Authenticate_NoHeader_IsAbsent() =>
        Assert.IsType<Authentication.Absent>(Keys().Authenticate(new DefaultHttpContext().Request));

    [Theory]
    [InlineData("ci", "owner", "0000000000000000000000000000000000000000000000000000000000000000", "Role")]
    [InlineData("ci", "reader", "abc", "Hash")]
    [InlineData("", "reader", "0000000000000000000000000000000000000000000000000000000000000000", "Name")]
    public void Validate_ABadKeyEntry_FailsNamingTheField(string name, string role, string hash, string field)
    {
        var options = new AuthOptions { ApiKeys = { new ApiKeyOption { Name = name, Role = role, Hash = hash } } };

        var result = new AuthOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Auth:ApiKeys:0:{field}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NewKey_IsLongRandomAndPrefixed()
    {
        var (a, b) = (ApiKeys.NewKey(), ApiKeys.NewKey());

        Assert.NotEqual(a, b);
        Assert.StartsWith("vmc_", a, StringComparison.Ordinal);
        Assert.True(a.Length >= 40);
    }

    private static ApiKeys Keys(params ApiKeyOption[] keys)
    {
        var options = new AuthOptions();
        options.ApiKeys.AddRange(keys);
        return new ApiKeys(Options.Create(options));
    }

    private static HttpRequest Request(string key)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ApiKeys.Header] = key;
        return context.Request;
    }
}
