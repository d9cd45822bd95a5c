using System.Diagnostics.CodeAnalysis;

namespace VmControl.Application.UseCases;

/// <summary>
/// How a command's opening (<see cref="VmOpening"/>) came out: either an <see cref="Answer"/> to give now (404, 412),
/// or the VM as read and the lifecycle's <see cref="Decision"/> on it.
/// </summary>
public sealed record Opening(VmRecord? Vm, Decision? Decision, CommandResult? Answer)
{
    [MemberNotNullWhen(true, nameof(Answer))]
    [MemberNotNullWhen(false, nameof(Vm))]
    public bool Answered => Answer is not null;
}
