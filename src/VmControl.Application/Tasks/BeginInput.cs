using VmControl.Application.Ports;

namespace VmControl.Application.Tasks;

public sealed record BeginInput(string VmId, string ActionId, HypervisorCommand Command);
