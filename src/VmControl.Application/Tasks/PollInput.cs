namespace VmControl.Application.Tasks;

public sealed record PollInput(string VmId, string ActionId, HypervisorOperation Operation);
