namespace Enforcer.Google.Firestore;

/// <summary>A write precondition (Firestore currentDocument): existence or an exact last update time.</summary>
public sealed record Precondition
{
    private Precondition(bool? exists, DateTimeOffset? updateTime)
    {
        Exists = exists;
        UpdateTime = updateTime;
    }

    public bool? Exists { get; }

    public DateTimeOffset? UpdateTime { get; }

    /// <summary>The document must exist.</summary>
    public static Precondition MustExist { get; } = new(true, null);

    /// <summary>The document must not exist (create-if-absent).</summary>
    public static Precondition MustNotExist { get; } = new(false, null);

    /// <summary>The document must have been last updated exactly at <paramref name="updateTime"/>.</summary>
    public static Precondition UpdatedAt(DateTimeOffset updateTime) => new(null, updateTime);
}
