namespace Enforcer.Google.Firestore;

/// <summary>A server-side transform of one field (increment, server timestamp, array union/remove, max/min).</summary>
public sealed record FieldTransform(string FieldPath, FieldTransformKind Kind, FirestoreValue? Operand)
{
    /// <summary>Sets the field to the commit time.</summary>
    public static FieldTransform ServerTimestamp(string fieldPath) => new(fieldPath, FieldTransformKind.ServerTimestamp, null);

    /// <summary>Adds <paramref name="by"/> (integer or double) atomically; a missing field counts as 0.</summary>
    public static FieldTransform Increment(string fieldPath, FirestoreValue by) => new(fieldPath, FieldTransformKind.Increment, by);

    public static FieldTransform Maximum(string fieldPath, FirestoreValue value) => new(fieldPath, FieldTransformKind.Maximum, value);

    public static FieldTransform Minimum(string fieldPath, FirestoreValue value) => new(fieldPath, FieldTransformKind.Minimum, value);

    /// <summary>Array union: appends the elements not already present.</summary>
    public static FieldTransform AppendMissingElements(string fieldPath, params FirestoreValue[] elements) =>
        new(fieldPath, FieldTransformKind.AppendMissingElements, FirestoreValue.FromArray(elements));

    public static FieldTransform RemoveAllFromArray(string fieldPath, params FirestoreValue[] elements) =>
        new(fieldPath, FieldTransformKind.RemoveAllFromArray, FirestoreValue.FromArray(elements));
}
