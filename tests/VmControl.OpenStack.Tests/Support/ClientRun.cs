namespace VmControl.OpenStack.Tests.Support;

/// <summary>What one client process did.</summary>
public sealed record ClientRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
