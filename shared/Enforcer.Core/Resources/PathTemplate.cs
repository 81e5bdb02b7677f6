using System.Text;

namespace Enforcer.Core.Resources;

/// <summary>
/// A slash-separated name or URL path with named holes, e.g. <c>projects/{project}/zones/{zone}/instances/{instance}</c>
/// or <c>{table}:getIamPolicy</c>. One template both parses names into identifiers and builds them back.
/// </summary>
public sealed class PathTemplate
{
    private readonly Segment[] _segments;

    private PathTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
        Variables = [.. segments.Where(s => s.Variable is not null).Select(s => s.Variable!)];
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>The hole names, in order.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>The number of slash-separated segments.</summary>
    public int SegmentCount => _segments.Length;

    /// <summary>Parses a template; holes are whole segments, optionally followed by a literal suffix such as <c>:setIamPolicy</c>.</summary>
    public static PathTemplate Parse(string text)
    {
        var parts = text.Split('/');
        var segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith('{'))
            {
                var close = part.IndexOf('}', StringComparison.Ordinal);
                if (close < 2)
                {
                    throw new FormatException($"Bad hole in path template '{text}'.");
                }

                segments[i] = new Segment(null, part[1..close], part[(close + 1)..]);
            }
            else
            {
                segments[i] = new Segment(part, null, string.Empty);
            }
        }

        return new PathTemplate(text, segments);
    }

    /// <summary>
    /// Matches already-split path segments against the template, adding hole values to <paramref name="values"/>.
    /// Partial matches are reported, not rejected: callers decide whether a parent or a child path is acceptable.
    /// </summary>
    public PathMatch Match(IReadOnlyList<string> path, IDictionary<string, string> values)
    {
        var common = Math.Min(path.Count, _segments.Length);
        if (common == 0)
        {
            return PathMatch.None;
        }

        // Check every segment before writing anything, so a mismatch allocates nothing.
        for (var i = 0; i < common; i++)
        {
            var seg = _segments[i];
            var part = path[i];
            if (seg.Literal is not null
                ? !string.Equals(seg.Literal, part, StringComparison.Ordinal)
                : part.Length <= seg.Suffix.Length || !part.EndsWith(seg.Suffix, StringComparison.Ordinal))
            {
                return PathMatch.None;
            }
        }

        // A parent path must stop right after a hole, otherwise "projects/p/locations" would count as a match.
        if (path.Count < _segments.Length && _segments[path.Count - 1].Variable is null)
        {
            return PathMatch.None;
        }

        for (var i = 0; i < common; i++)
        {
            var seg = _segments[i];
            if (seg.Variable is not null)
            {
                values[seg.Variable] = path[i][..^seg.Suffix.Length];
            }
        }

        return path.Count == _segments.Length ? PathMatch.Full
            : path.Count > _segments.Length ? PathMatch.PathIsChild
            : PathMatch.PathIsParent;
    }

    /// <summary>Matches a whole string exactly; returns the identifiers or null.</summary>
    public Dictionary<string, string>? MatchExact(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        return Match(path.Split('/'), values) == PathMatch.Full ? values : null;
    }

    /// <summary>Fills the holes. Values are URL-escaped when <paramref name="escape"/> is set (request paths), not in names.</summary>
    public string Expand(IReadOnlyDictionary<string, string> values, bool escape = false)
    {
        var sb = new StringBuilder(Text.Length + 32);
        for (var i = 0; i < _segments.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('/');
            }

            var seg = _segments[i];
            if (seg.Literal is not null)
            {
                sb.Append(seg.Literal);
                continue;
            }

            if (!values.TryGetValue(seg.Variable!, out var value) || value.Length == 0)
            {
                throw new KeyNotFoundException($"Identifier '{seg.Variable}' is needed by '{Text}'.");
            }

            sb.Append(escape ? Uri.EscapeDataString(value) : value).Append(seg.Suffix);
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private readonly record struct Segment(string? Literal, string? Variable, string Suffix);
}
