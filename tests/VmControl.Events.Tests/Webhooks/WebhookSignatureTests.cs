using System.Security.Cryptography;
using System.Text;
using VmControl.Events.Webhooks;

namespace VmControl.Events.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void Sign_TheStandardWebhooksSpecVector_GivesTheSpecSignature()
    {
        // The test vector of the Standard Webhooks specification (and of its reference libraries' tests).
        var signature = WebhookSignature.Sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", DateTimeOffset.FromUnixTimeSeconds(1614265330), """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Sign_IsTheHmacOfIdTimestampAndBody_WithTheSecretsDecodedBytes()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var at = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("evt-1.1700000000.{\"a\":1}")));

        Assert.Equal(expected, WebhookSignature.Sign("whsec_" + Convert.ToBase64String(key), "evt-1", at, """{"a":1}"""));
        Assert.NotEqual(expected, WebhookSignature.Sign("whsec_" + Convert.ToBase64String(key), "evt-1", at, """{"a":2}"""));
    }
}
