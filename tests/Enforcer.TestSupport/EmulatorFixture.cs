using System.Diagnostics;
using Enforcer.Google.Firestore;
using Enforcer.Google.Http;
using Enforcer.Google.PubSub;
using Xunit;

namespace Enforcer.TestSupport;

/// <summary>
/// Starts the Firestore and Pub/Sub emulators once per test assembly, in parallel, on free loopback
/// ports, and stops them (whole process groups) on dispose and on process exit. A test project opts in with
/// <c>[assembly: AssemblyFixture(typeof(EmulatorFixture))]</c> and takes the fixture in its constructor.
/// Tests call <see cref="RequireFirestore"/> / <see cref="RequirePubSub"/> first: without gcloud, or when an
/// emulator fails to start, the test is skipped, except under CI=true, where it fails.
/// Tests isolate their data with <see cref="NewProjectId"/> (both emulators keep projects apart), so they can run in parallel.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    /// <summary>Set to 1 to skip emulator tests without trying to start anything.</summary>
    public const string DisableVariable = "ENFORCER_NO_EMULATORS";

    private HttpClient? _firestoreHttp;
    private HttpClient? _pubSubHttp;

    /// <summary>"127.0.0.1:PORT" of the running Firestore emulator, or null.</summary>
    public string? FirestoreHost { get; private set; }

    /// <summary>"127.0.0.1:PORT" of the running Pub/Sub emulator, or null.</summary>
    public string? PubSubHost { get; private set; }

    /// <summary>Why the Firestore emulator is not available (null when it is).</summary>
    public string? FirestoreUnavailableReason { get; private set; }

    /// <summary>Why the Pub/Sub emulator is not available (null when it is).</summary>
    public string? PubSubUnavailableReason { get; private set; }

    public EmulatorProcess? FirestoreProcess { get; private set; }

    public EmulatorProcess? PubSubProcess { get; private set; }

    /// <summary>Wall time from launch until both emulators answered.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>CI=true turns "emulator unavailable" from a skip into a failure.</summary>
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { } ci &&
        (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(DisableVariable) == "1")
        {
            FirestoreUnavailableReason = PubSubUnavailableReason = $"emulators disabled by {DisableVariable}=1";
            return;
        }

        if (EmulatorCommands.FindOnPath("gcloud") is null)
        {
            FirestoreUnavailableReason = PubSubUnavailableReason =
                "gcloud is not on PATH; install the Cloud SDK with the Firestore and Pub/Sub emulators to run these tests";
            return;
        }

        var clock = Stopwatch.StartNew();
        var firestore = EmulatorLauncher.StartAsync(EmulatorKind.Firestore);
        var pubSub = EmulatorLauncher.StartAsync(EmulatorKind.PubSub);
        (FirestoreProcess, FirestoreHost, FirestoreUnavailableReason) = await firestore.ConfigureAwait(false);
        (PubSubProcess, PubSubHost, PubSubUnavailableReason) = await pubSub.ConfigureAwait(false);
        StartupTime = clock.Elapsed;

        if (FirestoreHost is not null)
        {
            _firestoreHttp = GoogleHttpClients.ForEmulator(new Uri($"http://{FirestoreHost}/"));
        }

        if (PubSubHost is not null)
        {
            _pubSubHttp = GoogleHttpClients.ForEmulator(new Uri($"http://{PubSubHost}/"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _firestoreHttp?.Dispose();
        _pubSubHttp?.Dispose();
        await Task.WhenAll(
            FirestoreProcess?.StopAsync(TimeSpan.FromSeconds(5)) ?? Task.CompletedTask,
            PubSubProcess?.StopAsync(TimeSpan.FromSeconds(5)) ?? Task.CompletedTask).ConfigureAwait(false);
    }

    /// <summary>Skips the test (fails it under CI) unless the Firestore emulator runs.</summary>
    public void RequireFirestore() => Require(FirestoreHost, FirestoreUnavailableReason, "Firestore");

    /// <summary>Skips the test (fails it under CI) unless the Pub/Sub emulator runs.</summary>
    public void RequirePubSub() => Require(PubSubHost, PubSubUnavailableReason, "Pub/Sub");

    /// <summary>Both emulators.</summary>
    public void RequireEmulators()
    {
        RequireFirestore();
        RequirePubSub();
    }

    /// <summary>A fresh project id ("t-" + 16 hex chars, valid for both emulators) so tests never share data.</summary>
    public static string NewProjectId() => "t-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A Firestore client on the emulator for <paramref name="projectId"/>; calls <see cref="RequireFirestore"/>.</summary>
    public FirestoreClient CreateFirestoreClient(string projectId, TimeProvider? timeProvider = null)
    {
        RequireFirestore();
        var options = new FirestoreClientOptions { ProjectId = projectId, Endpoint = _firestoreHttp!.BaseAddress!, IsEmulator = true };
        return new FirestoreClient(_firestoreHttp, options, timeProvider);
    }

    /// <summary>A Pub/Sub publisher on the emulator; calls <see cref="RequirePubSub"/>.</summary>
    public PubSubPublisher CreatePubSubPublisher(string projectId)
    {
        RequirePubSub();
        return new PubSubPublisher(_pubSubHttp!, PubSubOptions(projectId));
    }

    /// <summary>A Pub/Sub admin client on the emulator; calls <see cref="RequirePubSub"/>.</summary>
    public PubSubAdminClient CreatePubSubAdmin(string projectId)
    {
        RequirePubSub();
        return new PubSubAdminClient(_pubSubHttp!, PubSubOptions(projectId));
    }

    /// <summary>Deletes every document of <paramref name="projectId"/> in the Firestore emulator (its reset endpoint).</summary>
    public async Task ClearFirestoreAsync(string projectId, CancellationToken cancellationToken = default)
    {
        RequireFirestore();
        using var response = await _firestoreHttp!.DeleteAsync(
            new Uri($"emulator/v1/projects/{projectId}/databases/(default)/documents", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The variables a host under test needs to use the emulators: FIRESTORE_EMULATOR_HOST,
    /// PUBSUB_EMULATOR_HOST (each only when running) and GOOGLE_CLOUD_PROJECT.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentFor(string projectId)
    {
        var variables = new Dictionary<string, string> { ["GOOGLE_CLOUD_PROJECT"] = projectId };
        if (FirestoreHost is not null)
        {
            variables[FirestoreClientOptions.EmulatorHostVariable] = FirestoreHost;
        }

        if (PubSubHost is not null)
        {
            variables[PubSubClientOptions.EmulatorHostVariable] = PubSubHost;
        }

        return variables;
    }

    private PubSubClientOptions PubSubOptions(string projectId) =>
        new() { ProjectId = projectId, Endpoint = _pubSubHttp!.BaseAddress!, IsEmulator = true };

    private static void Require(string? host, string? reason, string name)
    {
        if (host is not null)
        {
            return;
        }

        var message = $"{name} emulator unavailable: {reason}";
        if (IsCi)
        {
            Assert.Fail(message + " (CI=true: emulator tests must run)");
        }

        Assert.Skip(message);
    }
}
