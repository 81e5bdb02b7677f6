namespace Enforcer.Google.Firestore;

/// <summary>Where and how <see cref="FirestoreClient"/> talks to Firestore.</summary>
public sealed record FirestoreClientOptions
{
    public const string EmulatorHostVariable = "FIRESTORE_EMULATOR_HOST";

    /// <summary>The database id (Terraform's firestore_database); "(default)" when unset.</summary>
    public const string DatabaseVariable = "FIRESTORE_DATABASE";

    public static readonly Uri ProductionEndpoint = new("https://firestore.googleapis.com/");

    public required string ProjectId { get; init; }

    public string DatabaseId { get; init; } = "(default)";

    /// <summary>API root; the emulator's is http://HOST:PORT/.</summary>
    public Uri Endpoint { get; init; } = ProductionEndpoint;

    /// <summary>
    /// Talking to the emulator: requests carry "Authorization: Bearer owner", which the emulator
    /// treats as an admin that bypasses security rules (Google's client libraries do the same).
    /// </summary>
    public bool IsEmulator { get; init; }

    /// <summary>Attempts of <see cref="FirestoreClient.RunTransactionAsync{T}"/> before ABORTED is rethrown.</summary>
    public int TransactionMaxAttempts { get; init; } = 10;

    public TimeSpan TransactionInitialBackoff { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan TransactionMaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Options from the environment: FIRESTORE_EMULATOR_HOST selects the emulator; the project comes from
    /// <paramref name="projectId"/>, else GOOGLE_CLOUD_PROJECT, else GCLOUD_PROJECT; FIRESTORE_DATABASE names a
    /// database other than "(default)".
    /// </summary>
    public static FirestoreClientOptions FromEnvironment(string? projectId = null, Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var project = GoogleEnvironment.ResolveProjectId(projectId, getVariable);
        var emulator = getVariable(EmulatorHostVariable);
        var database = getVariable(DatabaseVariable) is { Length: > 0 } named ? named.Trim() : "(default)";
        return string.IsNullOrWhiteSpace(emulator)
            ? new FirestoreClientOptions { ProjectId = project, DatabaseId = database }
            : new FirestoreClientOptions { ProjectId = project, DatabaseId = database, Endpoint = GoogleEnvironment.EmulatorUri(emulator), IsEmulator = true };
    }
}
