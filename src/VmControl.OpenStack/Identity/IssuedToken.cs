namespace VmControl.OpenStack.Identity;

/// <summary>A token as Keystone returns it: the opaque text for <c>X-Subject-Token</c> and its times.</summary>
public sealed record IssuedToken(string Text, Caller Caller, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
