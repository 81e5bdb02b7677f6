using Enforcer.Core.AuditLogs;
using Enforcer.Core.Reading;
using Enforcer.Core.Resources;
using Enforcer.Core.Storage;
using Enforcer.Enforcement.Configuration;
using Enforcer.Enforcement.Decisions;
using Enforcer.Enforcement.Evaluation;
using Enforcer.Enforcement.Pipeline;
using Enforcer.Enforcement.Remediation;
using Enforcer.Google;
using Enforcer.Google.Http;
using Enforcer.Hosting.Storage;
using Enforcer.Policies.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcer.Cli.Local;

/// <summary>
/// The Evaluate pipeline and the remediation executor wired in process with local defaults: the embedded Rego engine,
/// the in-memory store (Firestore when FIRESTORE_EMULATOR_HOST or ENFORCER_STORE=firestore is set), and the resource
/// snapshots served by the local stand-in for Google's APIs (or the real APIs with ADC under --live).
/// </summary>
internal sealed class LocalEnforcer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly HttpClient _http;

    private LocalEnforcer(ServiceProvider services, HttpClient http, LocalProject? project, IEnforcerStore store, EvaluationPipeline pipeline, RemediationExecutor executor, EnforcementOptions enforcement, string storeName, RecordingAlertSink alerts)
    {
        Alerts = alerts;
        _services = services;
        _http = http;
        Project = project;
        Store = store;
        Pipeline = pipeline;
        Executor = executor;
        Enforcement = enforcement;
        StoreName = storeName;
    }

    /// <summary>The stand-in project, unless --live.</summary>
    public LocalProject? Project { get; }

    public IEnforcerStore Store { get; }

    public EvaluationPipeline Pipeline { get; }

    public RemediationExecutor Executor { get; }

    public EnforcementOptions Enforcement { get; }

    public RecordingAlertSink Alerts { get; }

    /// <summary>"memory" or "firestore".</summary>
    public string StoreName { get; }

    /// <summary>Per API host, where calls go (empty under --live: Google itself).</summary>
    public IReadOnlyDictionary<string, Uri> BaseUrls => Project?.BaseUrls ?? new Dictionary<string, Uri>();

    public static async Task<(LocalEnforcer? Enforcer, IReadOnlyList<string> Errors)> StartAsync(LocalEnforcerOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (services, store) = CreateStore(time);
        var storeName = DescribeStore(store);

        if (await SeedQuarantineAsync(store, options.QuarantineFile, cancellationToken).ConfigureAwait(false) is { } seedError)
        {
            await services.DisposeAsync().ConfigureAwait(false);
            return (null, [seedError]);
        }

        LocalProject? project = null;
        HttpClient http;
        if (options.Live)
        {
            http = await GoogleHttpClients.WithApplicationDefaultCredentialsAsync(new Uri("https://www.googleapis.com/"), [GoogleScopes.CloudPlatform], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var (started, errors) = await LocalProject.StartAsync(options.ResourceDirectory, time, cancellationToken).ConfigureAwait(false);
            if (started is null)
            {
                await services.DisposeAsync().ConfigureAwait(false);
                return (null, errors);
            }

            project = started;
            http = new HttpClient();
        }

        var baseUrls = project?.BaseUrls ?? new Dictionary<string, Uri>();
        var engine = EmbeddedPolicyEngine.Load(options.PolicyDirectory is null ? PolicyBundle.FromEmbeddedResources() : PolicyBundle.FromDirectory(options.PolicyDirectory), time);
        var evaluator = new ResourceEvaluator(new ResourceReader(http, ResourceCatalog.Default, new ResourceReaderOptions { BaseUrls = baseUrls }), engine);
        var enforcement = EnforcementFor(options);
        var pipeline = new EvaluationPipeline(
            store, EventMapper.Default, evaluator, new DecisionMaker(enforcement, time), new InMemoryRemediationRequestPublisher(), new DiscardingFindingSink(),
            new EvaluationPipelineOptions(), time);
        Uri? BaseUrlFor(string host) => baseUrls.GetValueOrDefault(host);
        var caller = new GoogleApiCaller(http, time, enforcement.OperationPolls, TimeSpan.FromMilliseconds(200), BaseUrlFor);
        var alerts = new RecordingAlertSink();
        var executor = new RemediationExecutor(store, ResourceCatalog.Default, evaluator, caller, BaseUrlFor, alerts, enforcement, time);
        return (new LocalEnforcer(services, http, project, store, pipeline, executor, enforcement, storeName, alerts), []);
    }

    /// <summary>
    /// The store the functions would choose from the environment (memory unless FIRESTORE_EMULATOR_HOST or
    /// ENFORCER_STORE=firestore), with a default project id for the emulator.
    /// </summary>
    public static (ServiceProvider Services, IEnforcerStore Store) CreateStore(TimeProvider time)
    {
        var settings = new Dictionary<string, string?>();
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FIRESTORE_EMULATOR_HOST"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(GoogleEnvironment.ProjectVariable)))
        {
            settings[GoogleEnvironment.ProjectVariable] = "local-enforcer";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddEnvironmentVariables().Build();
        var services = new ServiceCollection().AddSingleton(time).AddEnforcerStore(configuration).BuildServiceProvider();
        return (services, services.GetRequiredService<IEnforcerStore>());
    }

    public static string DescribeStore(IEnforcerStore store) => store is InMemoryEnforcerStore ? "memory" : "firestore";

    /// <summary>Quarantines what the file lists (when it exists); returns an error for an unreadable file.</summary>
    public static async Task<string?> SeedQuarantineAsync(IEnforcerStore store, string? file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (file is null || !File.Exists(file))
        {
            return null;
        }

        var (records, error) = QuarantineSeed.Load(file);
        if (error is not null)
        {
            return error;
        }

        foreach (var record in records)
        {
            await store.TryQuarantineAsync(record, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Environment settings (ENFORCER_*) apply as in the functions, but nothing is enforced without --enforce, and never under --live.</summary>
    public static EnforcementOptions EnforcementFor(LocalEnforcerOptions options)
    {
        var fromEnvironment = EnforcementOptionsReader.Read(Environment.GetEnvironmentVariable);
        var ceiling = options.Enforce && !options.Live ? EnforcementMode.Enforce : EnforcementMode.DryRun;
        EnforcementMode Clamp(EnforcementMode mode) => (EnforcementMode)Math.Min((int)mode, (int)ceiling);
        return fromEnvironment with
        {
            Mode = ceiling,
            PolicyModes = fromEnvironment.PolicyModes.ToDictionary(kv => kv.Key, kv => Clamp(kv.Value), StringComparer.Ordinal),
            ProjectModes = fromEnvironment.ProjectModes.ToDictionary(kv => kv.Key, kv => Clamp(kv.Value), StringComparer.Ordinal),
        };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (Project is not null)
        {
            await Project.DisposeAsync().ConfigureAwait(false);
        }

        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
