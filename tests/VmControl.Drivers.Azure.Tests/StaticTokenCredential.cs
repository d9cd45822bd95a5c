using Azure.Core;

namespace VmControl.Drivers.Azure.Tests;

/// <summary>A credential that never talks to Entra ID: the fake ARM endpoint only checks the header is there.</summary>
internal sealed class StaticTokenCredential : TokenCredential
{
    public const string Token = "test-token";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(Token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
