using VmControl.Hosting;

namespace VmControl.Application.Tests.Hosting;

/// <summary>The continuation-token key: required for a deployment (tables by endpoint), optional on local Azurite.</summary>
public sealed class ContinuationTokenKeySettingTests
{
    [Fact]
    public void Infrastructure_TablesByEndpointWithoutAKey_RefusesToStart()
    {
        var options = new InfrastructureOptions { Driver = "azure", TableServiceUri = new Uri("https://account.table.core.windows.net") };

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddVmControlInfrastructure(options));

        Assert.Contains("Storage:ContinuationTokenKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infrastructure_TablesByEndpointWithAKey_Starts()
    {
        var options = new InfrastructureOptions
        {
            Driver = "azure",
            TableServiceUri = new Uri("https://account.table.core.windows.net"),
            ContinuationTokenKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };

        var services = new ServiceCollection().AddVmControlInfrastructure(options);

        Assert.Contains(services, s => s.ServiceType == typeof(IIdempotencyStore));
    }

    [Fact]
    public void Infrastructure_LocalConnectionStringWithoutAKey_Starts()
    {
        var options = new InfrastructureOptions { StorageConnectionString = AzuriteCheck.ConnectionString };

        var services = new ServiceCollection().AddVmControlInfrastructure(options);

        Assert.Contains(services, s => s.ServiceType == typeof(IIdempotencyStore));
    }
}
