namespace VmControl.Http.Contracts;

/// <summary>One change of a preview: <c>start</c> (the desired state becomes on) or <c>stop</c>.</summary>
public sealed record PreviewChange(DateTimeOffset At, string Change, string Desired);
