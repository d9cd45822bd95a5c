namespace VmControl.OpenStack.Tests.Contract;

public sealed class ImageStubTests
{
    [Fact]
    public async Task Any_reference_is_an_image_named_after_itself()
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, image, _) = await host.CallAsync("GET", "/image/v2/images/ubuntu-24.04");
        Assert.Equal(200, status);
        Assert.Equal("ubuntu-24.04", image.GetProperty("id").GetString());
        Assert.Equal("ubuntu-24.04", image.GetProperty("name").GetString());
        Assert.Equal("active", image.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("?id=in:a,b,a", 2)]
    [InlineData("?name=debian", 1)]
    [InlineData("", 0)]
    public async Task The_list_echoes_the_filtered_references_only(string query, int expected)
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, json, _) = await host.CallAsync("GET", "/image/v2/images" + query);
        Assert.Equal(200, status);
        Assert.Equal(expected, json.GetProperty("images").GetArrayLength());
    }

    [Fact]
    public async Task Versions_are_a_300_and_images_need_a_token()
    {
        await using var host = await FacadeHost.StartAsync();
        using var versions = await host.SendAsync("GET", "/image");
        Assert.Equal(300, (int)versions.StatusCode);
        using var images = await host.SendAsync("GET", "/image/v2/images");
        Assert.Equal(401, (int)images.StatusCode);
    }
}
