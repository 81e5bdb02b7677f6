namespace Enforcer.Google.Firestore;

/// <summary>Checks and encodes document and collection paths relative to the database root.</summary>
internal static class DocumentPaths
{
    public static string ValidateDocumentPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var segments = path.Split('/');
        if (segments.Length % 2 != 0 || segments.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"'{path}' is not a document path (collection/id[/collection/id...]).", nameof(path));
        }

        return path;
    }

    /// <summary>Escapes each segment for use in a URL path (ids may hold spaces, colons and the like).</summary>
    public static string EscapeForUrl(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
