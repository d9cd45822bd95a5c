using Azure.Core;

namespace VmControl.Events.Tests.EventGrid;

/// <summary>A token credential that hands out a fixed token and records the scopes it was asked for.</summary>
public sealed class FakeCredential : TokenCredential
{
    public const string Token = "fake-managed-identity-token";

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
