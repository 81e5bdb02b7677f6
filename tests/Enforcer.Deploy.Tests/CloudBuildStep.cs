namespace Enforcer.Deploy.Tests;

/// <summary>One step of cloudbuild.yaml.</summary>
internal sealed record CloudBuildStep(string Id, string Image, string? Entrypoint, IReadOnlyList<string> Args, IReadOnlyList<string> WaitFor)
{
    /// <summary>Arguments joined the way a shell would see them (scripts included).</summary>
    public string CommandLine => string.Join(" ", Entrypoint is null ? Args : [Entrypoint, .. Args]);

    public override string ToString() => Id;
}
