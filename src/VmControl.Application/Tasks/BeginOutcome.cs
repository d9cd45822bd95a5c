using System.Text.Json.Serialization;

namespace VmControl.Application.Tasks;

/// <summary>
/// How a task's first step went: one of a closed set of cases, so the orchestrator's <c>switch</c> names every way a
/// begin can end. The discriminator lets the Durable engine's System.Text.Json converter carry the case across the
/// activity boundary (the constructor is private protected: no case outside this assembly).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$case")]
[JsonDerivedType(typeof(Ended), "ended")]
[JsonDerivedType(typeof(HypervisorDone), "hypervisorDone")]
[JsonDerivedType(typeof(InProgress), "inProgress")]
public abstract partial record BeginOutcome
{
    private protected BeginOutcome()
    {
    }
}
