namespace Enforcer.Rego.Diagnostics;

/// <summary>Where a syntax element sits in its file: 1-based line and column, plus character offsets.</summary>
/// <param name="File">File name as given to the compiler.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
public readonly record struct SourceSpan(string File, int Line, int Column, int Start, int End)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
