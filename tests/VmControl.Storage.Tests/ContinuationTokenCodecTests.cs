namespace VmControl.Storage.Tests;

public sealed class ContinuationTokenCodecTests
{
    private readonly ContinuationTokenCodec codec = new(key: null);

    [Fact]
    public void EncodeThenDecode_SameScope_ReturnsAzuresToken()
    {
        var token = codec.Encode("vms\nVmState eq 'active'", "1!vm-0123 1!vm");

        Assert.Equal("1!vm-0123 1!vm", codec.Decode("vms\nVmState eq 'active'", token));
        Assert.Null(codec.Decode("vms", null));
    }

    [Fact]
    public void Decode_OtherScopeTamperedOrOtherKey_Throws()
    {
        var token = codec.Encode("vms", "next");
        var tampered = (token[0] == 'e' ? 'f' : 'e') + token[1..];

        Assert.Throws<InvalidContinuationTokenException>(() => codec.Decode("alerts", token));
        Assert.Throws<InvalidContinuationTokenException>(() => codec.Decode("vms", tampered));
        Assert.Throws<InvalidContinuationTokenException>(() => new ContinuationTokenCodec("secret").Decode("vms", token));
        Assert.Throws<InvalidContinuationTokenException>(() => codec.Decode("vms", token + "."));
        Assert.Throws<InvalidContinuationTokenException>(() => codec.Decode("vms", new string('a', 5000)));
        Assert.Throws<InvalidContinuationTokenException>(() => codec.Decode("vms", string.Empty));
    }
}
