using VmControl.Application.Budget;
using VmControl.Application.UseCases;

namespace VmControl.Application.PowerSync;

/// <summary>The use cases a pass acts through: heals and reclaims take the same lock as any request.</summary>
internal sealed record PassCommands(RequestAction RequestAction, DeleteVm DeleteVm, ResumeLostTask ResumeLostTask, AutomatedStarts Budget);
