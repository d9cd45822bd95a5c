using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VmControl.Http.Identity;

namespace VmControl.Http.Tests.Identity;

/// <summary>The Entra principal App Service Authentication passes in X-MS-CLIENT-PRINCIPAL, believed only where the platform sets it.</summary>
public sealed class ClientPrincipalTests
{
    private static readonly IOptions<AuthOptions> Options = Microsoft.Extensions.Options.Options.Create(new AuthOptions());

    [Theory]
    [InlineData("VmControl.Reader", Role.Reader)]
    [InlineData("VmControl.Operator", Role.Operator)]
    [InlineData("vmcontrol.admin", Role.Admin)]
    public void Authenticate_PlatformOn_ReadsTheAppRoleAndTheName(string appRole, Role role)
    {
        var result = Principal(enabled: true).Authenticate(Request(Header(("roles", appRole), ("preferred_username", "ada@contoso.example"))));

        var known = Assert.IsType<Authentication.Known>(result);
        Assert.Equal(new Caller("ada@contoso.example", role, Projects.Default), known.Caller);
    }

    [Fact]
    public void Authenticate_SeveralAppRoles_TakesTheStrongest_AndTheProjectClaim()
    {
        var header = Header(("roles", "VmControl.Reader"), ("roles", "VmControl.Operator"), ("name", "Ada"), ("vmcontrol_project", "web"));

        var known = Assert.IsType<Authentication.Known>(Principal(enabled: true).Authenticate(Request(header)));

        Assert.Equal(new Caller("Ada", Role.Operator, "web"), known.Caller);
    }

    [Fact]
    public void Authenticate_PlatformOff_IgnoresTheHeader_ForAnyoneCouldForgeIt()
    {
        var result = Principal(enabled: false).Authenticate(Request(Header(("roles", "VmControl.Admin"), ("name", "mallory"))));

        Assert.IsType<Authentication.Absent>(result);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("eyJub3QiOiJjbGFpbXMifQ==")]
    public void Authenticate_Malformed_IsRejected(string header) =>
        Assert.IsType<Authentication.Rejected>(Principal(enabled: true).Authenticate(Request(header)));

    [Fact]
    public void Authenticate_SignedInWithoutAVmControlRole_IsRejected() =>
        Assert.IsType<Authentication.Rejected>(Principal(enabled: true).Authenticate(Request(Header(("roles", "Other.Admin"), ("name", "eve")))));

    private static ClientPrincipal Principal(bool enabled) =>
        new(Options, name => name == ClientPrincipal.EnabledVariable && enabled ? "True" : null);

    private static string Header(params (string Type, string Value)[] claims)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { auth_typ = "aad", claims = claims.Select(c => new { typ = c.Type, val = c.Value }) });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static HttpRequest Request(string header)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ClientPrincipal.Header] = header;
        return context.Request;
    }
}
