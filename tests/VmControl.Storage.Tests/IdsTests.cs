namespace VmControl.Storage.Tests;

public sealed class IdsTests
{
    [Fact]
    public void ActionIds_LaterActionSortsFirst()
    {
        var earlier = ActionIds.New(TestData.Now);
        var later = ActionIds.New(TestData.Now.AddTicks(1));

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
        Assert.True(ActionIds.IsValid(earlier));
        Assert.True(VmIds.IsValid(VmIds.New()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("vm-0123456789ABCDEF")]
    [InlineData("vm-0123456789abcde")]
    [InlineData("vm-0123456789abcdefa")]
    [InlineData("xx-0123456789abcdef")]
    public void VmIds_Malformed_IsInvalid(string? id) => Assert.False(VmIds.IsValid(id));

    [Theory]
    [InlineData(null)]
    [InlineData("a0000000000000000000-0000000")]
    [InlineData("b0000000000000000000-00000000")]
    [InlineData("a000000000000000000x-00000000")]
    [InlineData("a0000000000000000000_00000000")]
    public void ActionIds_Malformed_IsInvalid(string? id) => Assert.False(ActionIds.IsValid(id));
}
