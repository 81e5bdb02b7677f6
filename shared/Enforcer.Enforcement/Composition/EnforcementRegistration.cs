using System.Globalization;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Processing;
using Enforcer.Core.Reading;
using Enforcer.Core.Resources;
using Enforcer.Core.Sweep;
using Enforcer.Enforcement.Configuration;
using Enforcer.Enforcement.Decisions;
using Enforcer.Enforcement.Evaluation;
using Enforcer.Enforcement.Notifications;
using Enforcer.Enforcement.Pipeline;
using Enforcer.Enforcement.Remediation;
using Enforcer.Enforcement.Sweep;
using Enforcer.Google;
using Enforcer.Google.PubSub;
using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using IPolicyEngine = Enforcer.Policies.IPolicyEngine;
using PolicyEngineFactory = Enforcer.Policies.PolicyEngineFactory;
using PolicyEngineOptions = Enforcer.Policies.PolicyEngineOptions;

namespace Enforcer.Enforcement.Composition;

/// <summary>
/// Composes Evaluate and Remediate from configuration (environment variables; docs/operations.md and docs/deploy.md
/// list them). Every registration is a TryAdd, so a host (the CLI's <c>serve</c>, tests) can register its own
/// implementation first, e.g. an in-process remediation publisher. Misconfiguration fails at start-up with the
/// variable's name.
/// </summary>
public static class EnforcementRegistration
{
    /// <summary>Every variable read here besides <see cref="EnforcementOptionsReader.Variables"/>.</summary>
    public static readonly IReadOnlyList<string> Variables =
    [
        "ENFORCER_POLICY_ENGINE", "OPA_URL", "ENFORCER_OPA_TIMEOUT_MS", "ENFORCER_POLICY_DIR", "ENFORCER_GOOGLE_API_ROOT", "ENFORCER_AUDIT_TOPIC",
        "ENFORCER_SWEEP_PAGES_PER_BATCH",
    ];

    /// <summary>The parts both functions use: options, Google API access, the policy engine, the reader and the evaluator.</summary>
    public static IServiceCollection AddEnforcementCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ResourceCatalog.Default);
        services.TryAddSingleton(EventMapper.Default);
        services.TryAddSingleton(EnforcementOptionsReader.Read(name => configuration[name]));
        services.TryAddSingleton(provider => CreateGoogleApiAccess(configuration, provider.GetRequiredService<ResourceCatalog>()));
        services.TryAddSingleton(provider =>
        {
            var access = provider.GetRequiredService<GoogleApiAccess>();
            return new ResourceReader(access.Http, provider.GetRequiredService<ResourceCatalog>(), new ResourceReaderOptions { BaseUrls = access.BaseUrls });
        });
        var engineOptions = ReadEngineOptions(configuration);
        services.TryAddSingleton(engineOptions);
        services.TryAddSingleton(provider => CreatePolicyEngine(engineOptions, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new ResourceEvaluator(provider.GetRequiredService<ResourceReader>(), provider.GetRequiredService<IPolicyEngine>()));
        services.TryAddSingleton(provider => new DecisionMaker(provider.GetRequiredService<EnforcementOptions>(), provider.GetRequiredService<TimeProvider>()));

        // One publisher for every topic, connected on first use (only when a topic is configured).
        services.TryAddSingleton(_ => PubSubPublisher.ConnectAsync(PubSubClientOptions.FromEnvironment(configuration["GOOGLE_CLOUD_PROJECT"], name => configuration[name])).GetAwaiter().GetResult());
        return services;
    }

    /// <summary>Evaluate: the pipeline, its publishers and sinks, and the sweep when ENFORCER_AUDIT_TOPIC is set.</summary>
    public static IServiceCollection AddEvaluate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEnforcementCore(configuration);
        services.AddFindingSinks(configuration);
        var topicConfigured = configuration["ENFORCER_REMEDIATIONS_TOPIC"] is { Length: > 0 };
        services.TryAddSingleton<IRemediationRequestPublisher>(provider => topicConfigured
            ? new PubSubRemediationRequestPublisher(provider.GetRequiredService<PubSubPublisher>(), provider.GetRequiredService<EnforcementOptions>().RemediationTopic)
            : new LoggingRemediationRequestPublisher(provider.GetRequiredService<ILogger<LoggingRemediationRequestPublisher>>()));
        services.TryAddSingleton(provider => new EvaluationPipelineOptions { EngineName = provider.GetRequiredService<PolicyEngineOptions>().Engine });
        services.TryAddSingleton(provider => new EvaluationPipeline(
            provider.GetRequiredService<Core.Storage.IEnforcerStore>(),
            provider.GetRequiredService<EventMapper>(),
            provider.GetRequiredService<ResourceEvaluator>(),
            provider.GetRequiredService<DecisionMaker>(),
            provider.GetRequiredService<IRemediationRequestPublisher>(),
            provider.GetRequiredService<IFindingSink>(),
            provider.GetRequiredService<EvaluationPipelineOptions>(),
            provider.GetRequiredService<TimeProvider>()));

        if (configuration["ENFORCER_AUDIT_TOPIC"] is { Length: > 0 } auditTopic)
        {
            var pages = PositiveInt(configuration, "ENFORCER_SWEEP_PAGES_PER_BATCH", new SweepOptions().MaxPagesPerRun);
            services.TryAddSingleton(provider => new PubSubEvaluationRequestPublisher(provider.GetRequiredService<PubSubPublisher>(), auditTopic));
            services.TryAddSingleton(provider =>
            {
                var access = provider.GetRequiredService<GoogleApiAccess>();
                var publisher = provider.GetRequiredService<PubSubEvaluationRequestPublisher>();
                var sweeper = new AssetSweeper(
                    access.Http,
                    provider.GetRequiredService<ResourceCatalog>(),
                    publisher,
                    provider.GetRequiredService<TimeProvider>(),
                    new SweepOptions { CloudAssetBaseUrl = access.BaseUrlFor("cloudasset.googleapis.com"), MaxPagesPerRun = pages });
                return new SweepBatchProcessor(sweeper, publisher);
            });
        }

        services.TryAddSingleton<IEventProcessor>(provider => new EvaluateRouter(provider.GetRequiredService<EvaluationPipeline>(), provider.GetService<SweepBatchProcessor>()));
        return services;
    }

    /// <summary>Remediate: the executor over the same reader and engine, calling Google's APIs through the catalog's allowlist.</summary>
    public static IServiceCollection AddRemediate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEnforcementCore(configuration);
        services.AddAlertSinks(configuration);
        services.TryAddSingleton(provider =>
        {
            var access = provider.GetRequiredService<GoogleApiAccess>();
            var options = provider.GetRequiredService<EnforcementOptions>();
            return new GoogleApiCaller(access.Http, provider.GetRequiredService<TimeProvider>(), options.OperationPolls, options.OperationPollInterval, access.BaseUrlFor);
        });
        services.TryAddSingleton(provider =>
        {
            var access = provider.GetRequiredService<GoogleApiAccess>();
            return new RemediationExecutor(
                provider.GetRequiredService<Core.Storage.IEnforcerStore>(),
                provider.GetRequiredService<ResourceCatalog>(),
                provider.GetRequiredService<ResourceEvaluator>(),
                provider.GetRequiredService<GoogleApiCaller>(),
                access.BaseUrlFor,
                provider.GetRequiredService<IAlertSink>(),
                provider.GetRequiredService<EnforcementOptions>(),
                provider.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<IEventProcessor>(provider => provider.GetRequiredService<RemediationExecutor>());
        return services;
    }

    /// <summary>
    /// ENFORCER_GOOGLE_API_ROOT (e.g. <c>http://127.0.0.1:8090/</c>) sends every API call to <c>{root}{host}/{path}</c>
    /// without credentials: the local stand-in and tests. Otherwise calls go to Google with ADC tokens.
    /// </summary>
    public static GoogleApiAccess CreateGoogleApiAccess(IConfiguration configuration, ResourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(catalog);
        if (configuration["ENFORCER_GOOGLE_API_ROOT"] is { Length: > 0 } root)
        {
            if (!Uri.TryCreate(root.EndsWith('/') ? root : root + "/", UriKind.Absolute, out var rootUri) || rootUri.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"ENFORCER_GOOGLE_API_ROOT must be an http(s) URL, not '{root}'");
            }

            var hosts = catalog.Types.Select(t => t.Host).Append("cloudasset.googleapis.com").Distinct(StringComparer.Ordinal);
            return new GoogleApiAccess(
                new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) },
                hosts.ToDictionary(h => h, h => new Uri(rootUri, h + "/"), StringComparer.Ordinal));
        }

        var handler = new BearerTokenHandler("Google APIs", async ct =>
        {
            var credential = (await GoogleCredential.GetApplicationDefaultAsync(ct).ConfigureAwait(false)).CreateScoped(GoogleScopes.CloudPlatform);
            ITokenAccess access = credential;
            return token => access.GetAccessTokenForRequestAsync(null, token);
        });
        return new GoogleApiAccess(new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) }, new Dictionary<string, Uri>());
    }

    private static PolicyEngineOptions ReadEngineOptions(IConfiguration configuration)
    {
        var engine = configuration["ENFORCER_POLICY_ENGINE"] is { Length: > 0 } e ? e.Trim().ToLowerInvariant() : "embedded";
        if (engine is not ("embedded" or "opa"))
        {
            throw new InvalidOperationException($"ENFORCER_POLICY_ENGINE must be embedded or opa, not '{engine}'");
        }

        Uri? opaUrl = null;
        if (engine == "opa")
        {
            if (configuration["OPA_URL"] is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out opaUrl))
            {
                throw new InvalidOperationException("ENFORCER_POLICY_ENGINE=opa needs OPA_URL, the OPA service's URL (e.g. https://opa-xyz.a.run.app)");
            }
        }

        return new PolicyEngineOptions
        {
            Engine = engine,
            OpaUrl = opaUrl,
            OpaTimeout = TimeSpan.FromMilliseconds(PositiveInt(configuration, "ENFORCER_OPA_TIMEOUT_MS", 2000)),
            PolicyDirectory = configuration["ENFORCER_POLICY_DIR"] is { Length: > 0 } dir ? dir : null,
        };
    }

    private static IPolicyEngine CreatePolicyEngine(PolicyEngineOptions options, TimeProvider time)
    {
        if (options.Engine != "opa")
        {
            return PolicyEngineFactory.Create(options, null, time);
        }

        // OPA on Cloud Run admits only callers with an ID token for its URL; a loopback OPA (local, tests) needs none.
        var audience = options.OpaUrl!.GetLeftPart(UriPartial.Authority);
        HttpMessageHandler handler = options.OpaUrl.IsLoopback
            ? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }
            : new BearerTokenHandler("OPA", async ct =>
            {
                var credential = await GoogleCredential.GetApplicationDefaultAsync(ct).ConfigureAwait(false);
                var oidc = await credential.GetOidcTokenAsync(OidcTokenOptions.FromTargetAudience(audience), ct).ConfigureAwait(false);
                return token => oidc.GetAccessTokenAsync(token);
            });
        return PolicyEngineFactory.Create(options, new HttpClient(handler), time);
    }

    private static int PositiveInt(IConfiguration configuration, string name, int fallback) =>
        configuration[name] is not { Length: > 0 } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new InvalidOperationException($"{name} must be a positive whole number, not '{text}'");
}
