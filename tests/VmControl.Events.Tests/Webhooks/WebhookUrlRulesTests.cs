using System.Net;
using VmControl.Events.Webhooks;

namespace VmControl.Events.Tests.Webhooks;

public sealed class WebhookUrlRulesTests
{
    private static readonly WebhookSettings Azure = new() { HttpsOnly = true, AllowPrivateAddresses = false };
    private static readonly WebhookSettings Local = new() { HttpsOnly = false, AllowPrivateAddresses = true };

    public static TheoryData<string, string, bool> Urls() => new()
    {
        { "https://hooks.example.com/vmcontrol", "azure", true },
        { "https://93.184.216.34/hook", "azure", true },
        { "http://hooks.example.com/vmcontrol", "azure", false },
        { "http://hooks.example.com/vmcontrol", "local", true },
        { "http://127.0.0.1:8080/hook", "local", true },
        { "ftp://hooks.example.com/x", "local", false },
        { "file:///etc/passwd", "local", false },
        { "mailto:ops@example.com", "local", false },
        { "/relative/path", "local", false },
        { "not a url", "local", false },
        { "https://user:pw@hooks.example.com/x", "azure", false },
        { "http://user@hooks.example.com/x", "local", false },
        { "https://hooks.example.com/x#frag", "azure", false },
        { "https://hooks.example.com/" + new string('a', 2048), "azure", false },
        { "https://127.0.0.1/hook", "azure", false },
        { "https://10.1.2.3/hook", "azure", false },
        { "https://172.16.0.1/hook", "azure", false },
        { "https://192.168.1.1/hook", "azure", false },
        { "https://169.254.169.254/metadata", "azure", false },
        { "https://100.64.0.1/hook", "azure", false },
        { "https://0.0.0.0/hook", "azure", false },
        { "https://[::1]/hook", "azure", false },
        { "https://[fe80::1]/hook", "azure", false },
        { "https://[fd00::1]/hook", "azure", false },
        { "https://[::ffff:10.0.0.1]/hook", "azure", false },
        { "https://[2606:4700::1]/hook", "azure", true },
        { "https://169.254.169.254/metadata", "local", true },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void Check_Url_AcceptsOnlyWhatTheRulesAllow(string url, string mode, bool accepted)
    {
        var problem = WebhookUrlRules.Check(url, mode == "azure" ? Azure : Local);

        Assert.True(accepted == problem is null, $"{url} ({mode}): {problem ?? "accepted"}");
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("100.63.255.255", true)]
    [InlineData("100.128.0.1", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.0.1", false)]
    [InlineData("169.254.1.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fdff::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("2001:db8::1", true)]
    public void IsPublic_Address_IsTrueOnlyForPublicAddresses(string address, bool isPublic) =>
        Assert.Equal(isPublic, AddressRules.IsPublic(IPAddress.Parse(address)));
}
