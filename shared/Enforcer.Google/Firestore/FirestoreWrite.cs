namespace Enforcer.Google.Firestore;

/// <summary>
/// One write in a commit. Paths are relative to the database root (collection/id). Build with the
/// factories; add server transforms with <see cref="WithTransforms"/>.
/// </summary>
public sealed record FirestoreWrite
{
    private FirestoreWrite(FirestoreWriteKind kind, string path)
    {
        Kind = kind;
        Path = DocumentPaths.ValidateDocumentPath(path);
    }

    public FirestoreWriteKind Kind { get; }

    public string Path { get; }

    public IReadOnlyDictionary<string, FirestoreValue> Fields { get; private init; } = FirestoreValue.NoFields;

    /// <summary>Field paths to write; null writes the whole document (replacing it).</summary>
    public IReadOnlyList<string>? UpdateMask { get; private init; }

    public Precondition? Precondition { get; init; }

    public IReadOnlyList<FieldTransform> Transforms { get; private init; } = [];

    /// <summary>Creates the document; fails with <see cref="WriteStatus.AlreadyExists"/> if it exists.</summary>
    public static FirestoreWrite Create(string path, IReadOnlyDictionary<string, FirestoreValue> fields) =>
        new(FirestoreWriteKind.Update, path) { Fields = fields, Precondition = Precondition.MustNotExist };

    /// <summary>Creates or replaces the whole document, optionally under a precondition.</summary>
    public static FirestoreWrite Set(string path, IReadOnlyDictionary<string, FirestoreValue> fields, Precondition? precondition = null) =>
        new(FirestoreWriteKind.Update, path) { Fields = fields, Precondition = precondition };

    /// <summary>
    /// Writes only the masked fields (default: the given fields' top-level names, quoted as needed);
    /// fields in the mask but absent from <paramref name="fields"/> are deleted. Requires the document
    /// to exist unless another precondition is given.
    /// </summary>
    public static FirestoreWrite Update(string path, IReadOnlyDictionary<string, FirestoreValue> fields, IEnumerable<string>? updateMask = null, Precondition? precondition = null) =>
        new(FirestoreWriteKind.Update, path)
        {
            Fields = fields,
            UpdateMask = (updateMask ?? fields.Keys.Select(FieldPaths.QuoteSegment)).ToArray(),
            Precondition = precondition ?? Precondition.MustExist,
        };

    /// <summary>Deletes the document (succeeds when it is already absent, unless a precondition says otherwise).</summary>
    public static FirestoreWrite Delete(string path, Precondition? precondition = null) =>
        new(FirestoreWriteKind.Delete, path) { Precondition = precondition };

    /// <summary>Applies server transforms only, e.g. increment a counter (creates the document if absent).</summary>
    public static FirestoreWrite Transform(string path, params FieldTransform[] transforms) =>
        new(FirestoreWriteKind.Transform, path) { Transforms = transforms };

    /// <summary>Adds server transforms applied after the field writes of an update.</summary>
    public FirestoreWrite WithTransforms(params FieldTransform[] transforms)
    {
        if (Kind == FirestoreWriteKind.Delete)
        {
            throw new InvalidOperationException("A delete cannot carry field transforms.");
        }

        return this with { Transforms = [.. Transforms, .. transforms] };
    }
}
