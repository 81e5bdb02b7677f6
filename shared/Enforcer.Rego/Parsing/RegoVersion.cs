namespace Enforcer.Rego.Parsing;

/// <summary>Which Rego syntax a file is written in.</summary>
public enum RegoVersion
{
    /// <summary>Rego v1 (OPA 1.0 default): <c>if</c> and <c>contains</c> required, keywords always on.</summary>
    V1,

    /// <summary>Rego v0: bodies without <c>if</c>, <c>p[x] { }</c> partial sets, keywords via <c>future.keywords</c>.</summary>
    V0,
}
