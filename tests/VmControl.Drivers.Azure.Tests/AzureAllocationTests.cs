namespace VmControl.Drivers.Azure.Tests;

/// <summary>Whether a VM still holds its host: Azure's "stopped" is still billed, "deallocated" is not (the cost guard reads it).</summary>
public sealed class AzureAllocationTests
{
    [Theory]
    [InlineData("running", true)]
    [InlineData("stopped", true)]
    [InlineData("starting", true)]
    [InlineData("stopping", true)]
    [InlineData("deallocated", false)]
    [InlineData("deallocating", false)]
    [InlineData("hibernated", false)]
    [InlineData(null, null)]
    [InlineData("unknown", null)]
    public void IsAllocated_ByNativePowerState(string? detail, bool? allocated) =>
        Assert.Equal(allocated, AzurePowerStatus.IsAllocated(detail));
}
