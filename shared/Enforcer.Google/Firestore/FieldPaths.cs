namespace Enforcer.Google.Firestore;

/// <summary>Field path syntax: dotted segments, with backticks around segments that are not plain identifiers.</summary>
public static class FieldPaths
{
    /// <summary>The path of the document's name, for ordering and cursors.</summary>
    public const string DocumentName = "__name__";

    /// <summary>Quotes one segment (a map key) when it is not [A-Za-z_][A-Za-z_0-9]*.</summary>
    public static string QuoteSegment(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        var simple = (char.IsAsciiLetter(segment[0]) || segment[0] == '_') && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return simple ? segment : "`" + segment.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";
    }

    /// <summary>Joins map keys into a field path, quoting as needed.</summary>
    public static string Join(params string[] segments) => string.Join('.', segments.Select(QuoteSegment));
}
