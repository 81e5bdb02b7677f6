using Enforcer.Rego.Ast;

namespace Enforcer.Rego.Compilation;

/// <summary>A query compiled against a policy set: its ordered body, frame size and visible variables.</summary>
internal sealed class CompiledQuery(Body body, int frameSize, List<(string Name, int Slot)> vars)
{
    public Body Body { get; } = body;

    public int FrameSize { get; } = frameSize;

    public List<(string Name, int Slot)> Vars { get; } = vars;
}
