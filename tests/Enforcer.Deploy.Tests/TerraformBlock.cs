using System.Text.Json;

namespace Enforcer.Deploy.Tests;

/// <summary>One resource or data block of the parsed configuration (body as hcl2json renders it).</summary>
internal sealed record TerraformBlock(string Type, string Name, string File, JsonElement Body)
{
    /// <summary>The address other blocks use to refer to this one, e.g. <c>google_pubsub_topic.findings</c>.</summary>
    public string Address => $"{Type}.{Name}";

    public override string ToString() => $"{Address} ({File})";
}
