namespace VmControl.Http.Contracts;

public sealed record SubscriptionPage(IReadOnlyList<SubscriptionResource> Items);
