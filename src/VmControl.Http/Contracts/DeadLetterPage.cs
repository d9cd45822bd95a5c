namespace VmControl.Http.Contracts;

public sealed record DeadLetterPage(IReadOnlyList<DeadLetterResource> Items);
