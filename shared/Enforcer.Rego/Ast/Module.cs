using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Ast;

/// <summary>One parsed file: package, imports and rules.</summary>
internal sealed class Module(string file, string source)
{
    public string File { get; } = file;

    public string Source { get; } = source;

    public SourceSpan PackageSpan { get; set; }

    /// <summary>Package path below data, e.g. ["lib", "gcs"].</summary>
    public string[] Package { get; set; } = [];

    public List<Import> Imports { get; } = [];

    public List<Rule> Rules { get; } = [];

    /// <summary>True when parsed with Rego v1 rules (or v0 with <c>import rego.v1</c>).</summary>
    public bool IsV1 { get; set; }
}

/// <summary><c>import data.x.y as z</c>.</summary>
internal sealed class Import(SourceSpan span, RefTerm path, string? alias)
{
    public SourceSpan Span { get; } = span;

    public RefTerm Path { get; } = path;

    public string? Alias { get; } = alias;
}
