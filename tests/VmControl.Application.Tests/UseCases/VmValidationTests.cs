using System.Net.Sockets;

namespace VmControl.Application.Tests.UseCases;

/// <summary>Nova's rules for a server's name, description and access addresses, which both faces share.</summary>
public sealed class VmValidationTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("web-1", true)]
    [InlineData("Wébserver ✓ 名前", true)]
    [InlineData("inner  spaces and !@#$%^&*()/\\\"'", true)]
    [InlineData("🚀", true)]
    [InlineData("", false)]
    [InlineData(" leading", false)]
    [InlineData("trailing ", false)]
    [InlineData("\u00a0nbsp", false)]
    [InlineData("tab\tinside", false)]
    [InlineData("line\nbreak", false)]
    [InlineData("zero\u200bwidth", false)]
    [InlineData("line\u2028separator", false)]
    [InlineData("private\ue000use", false)]
    [InlineData(null, false)]
    public void Name_FollowsNovasRule(string? name, bool valid)
    {
        Assert.Equal(valid, VmValidation.Name(name) is null);
    }

    [Fact]
    public void Name_WithALoneSurrogate_IsRefused()
    {
        // Built here: a theory's data would be serialized, and a lone surrogate does not survive that.
        Assert.NotNull(VmValidation.Name("lone" + (char)0xD800 + "surrogate"));
        Assert.NotNull(VmValidation.Name("end" + (char)0xDC00));
    }

    [Fact]
    public void Name_CountsCharactersNotUtf16Units()
    {
        Assert.Null(VmValidation.Name(string.Concat(Enumerable.Repeat("🚀", 255))));
        Assert.NotNull(VmValidation.Name(string.Concat(Enumerable.Repeat("🚀", 256))));
        Assert.Null(VmValidation.Name(new string('a', 255)));
        Assert.NotNull(VmValidation.Name(new string('a', 256)));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData(" spaces at the ends are fine ", true)]
    [InlineData("two\nlines", false)]
    [InlineData("bell\u0007", false)]
    public void Description_IsPrintableText(string? description, bool valid)
    {
        Assert.Equal(valid, VmValidation.Description(description) is null);
    }

    [Theory]
    [InlineData("192.0.2.1", AddressFamily.InterNetwork, true)]
    [InlineData("0.0.0.0", AddressFamily.InterNetwork, true)]
    [InlineData("1.2.3", AddressFamily.InterNetwork, false)]
    [InlineData("1", AddressFamily.InterNetwork, false)]
    [InlineData("256.0.0.1", AddressFamily.InterNetwork, false)]
    [InlineData("01.2.3.4444", AddressFamily.InterNetwork, false)]
    [InlineData("2001:db8::1", AddressFamily.InterNetwork, false)]
    [InlineData("2001:db8::1", AddressFamily.InterNetworkV6, true)]
    [InlineData("::ffff:192.0.2.1", AddressFamily.InterNetworkV6, true)]
    [InlineData("fe80::1%eth0", AddressFamily.InterNetworkV6, false)]
    [InlineData("192.0.2.1", AddressFamily.InterNetworkV6, false)]
    [InlineData("", AddressFamily.InterNetworkV6, false)]
    public void Address_IsOfItsFamily(string address, AddressFamily family, bool valid)
    {
        Assert.Equal(valid, VmValidation.Address("field", address, family) is null);
    }
}
