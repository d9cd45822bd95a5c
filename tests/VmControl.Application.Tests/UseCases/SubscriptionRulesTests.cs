using VmControl.Application.Events;

namespace VmControl.Application.Tests.UseCases;

public sealed class SubscriptionRulesTests
{
    public static TheoryData<string[]?, string[]?, string?, int?, bool> Requests() => new()
    {
        { null, null, null, null, true },
        { ["vmcontrol.vm.state_changed.v1"], ["vms/vm-0123456789abcdef"], "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 50, true },
        { ["vmcontrol.vm.*", "*"], null, null, 1, true },
        { [], null, null, null, false },
        { ["vmcontrol.*.v1"], null, null, null, false },
        { ["with space"], null, null, null, false },
        { [""], null, null, null, false },
        { null, [], null, null, false },
        { null, ["vms/\n"], null, null, false },
        { null, null, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null, false },
        { null, null, "whsec_not-base64!", null, false },
        { null, null, "whsec_" + Convert.ToBase64String(new byte[23]), null, false },
        { null, null, "whsec_" + Convert.ToBase64String(new byte[24]), null, true },
        { null, null, "whsec_" + Convert.ToBase64String(new byte[64]), null, true },
        { null, null, "whsec_" + Convert.ToBase64String(new byte[65]), null, false },
        { null, null, null, 0, false },
        { null, null, null, 51, false },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Check_Request_AcceptsOnlyValidFiltersSecretsAndBudgets(string[]? types, string[]? subjects, string? secret, int? maxAttempts, bool valid)
    {
        var problem = SubscriptionRules.Check(new SubscriptionRequest("https://h.example/x", types, subjects, secret, maxAttempts));

        Assert.True(valid == problem is null, problem ?? "accepted");
    }

    [Fact]
    public void NewSecret_IsAValidSecretOf32Bytes() =>
        Assert.Equal(32, SubscriptionRules.DecodeSecret(SubscriptionRules.NewSecret())!.Length);

    [Theory]
    [InlineData(null, "vmcontrol.vm.created.v1", true)]
    [InlineData(new[] { "vmcontrol.vm.created.v1" }, "vmcontrol.vm.created.v1", true)]
    [InlineData(new[] { "vmcontrol.vm.created.v1" }, "vmcontrol.vm.deleted.v1", false)]
    [InlineData(new[] { "vmcontrol.vm.*" }, "vmcontrol.vm.deleted.v1", true)]
    [InlineData(new[] { "vmcontrol.vm.*" }, "vmcontrol.action.accepted.v1", false)]
    [InlineData(new[] { "*" }, "vmcontrol.alert.opened.v1", true)]
    [InlineData(new[] { "vmcontrol.vm" }, "vmcontrol.vm.created.v1", false)]
    public void TypeMatches_Entry_IsExactOrAPrefixWithStar(string[]? types, string type, bool matches) =>
        Assert.Equal(matches, EventFilter.TypeMatches(types, type));

    [Theory]
    [InlineData(null, "vms/vm-1", true)]
    [InlineData(new[] { "vms/vm-1" }, "vms/vm-1", true)]
    [InlineData(new[] { "vms/vm-1" }, "vms/vm-2", false)]
    [InlineData(new[] { "vms/" }, "machines/x", false)]
    public void Matches_Subjects_ArePrefixes(string[]? subjects, string subject, bool matches)
    {
        var subscription = new EventSubscription("sub-0000000000000000", new Uri("https://h.example"), null, subjects, "s", 1, DateTimeOffset.UnixEpoch, "t");

        Assert.Equal(matches, subscription.Matches(new VmEvent("evt-1", EventTypes.VmCreated, subject, "default", DateTimeOffset.UnixEpoch, "{}")));
    }
}
