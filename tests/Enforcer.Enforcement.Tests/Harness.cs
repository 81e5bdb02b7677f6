using System.Text;
using System.Text.Json.Nodes;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Reading;
using Enforcer.Core.Resources;
using Enforcer.Core.Storage;
using Enforcer.Enforcement.Configuration;
using Enforcer.Enforcement.Decisions;
using Enforcer.Enforcement.Evaluation;
using Enforcer.Enforcement.Pipeline;
using Enforcer.Enforcement.Remediation;
using Enforcer.FakeGoogle;
using Enforcer.Hosting.Storage;
using Enforcer.Policies;
using Enforcer.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Enforcer.Enforcement.Tests;

/// <summary>
/// The remediation path wired like production, over the fake Google API and Firestore (the emulator when
/// available; CI requires it): a fake clock, a recording alert sink, and helpers to build requests.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    public const string BucketType = "storage.googleapis.com/Bucket";
    public const string VersioningPolicy = "storage_buckets_require_object_versioning";

    private readonly HttpClient _http = new();

    private Harness(FakeGoogleServer fake, IEnforcerStore store, FakeTimeProvider time, IPolicyEngine engine)
    {
        Fake = fake;
        Store = store;
        Time = time;
        Engine = engine;
        Evaluator = new ResourceEvaluator(new ResourceReader(_http, ResourceCatalog.Default, new ResourceReaderOptions { BaseUrls = fake.BaseUrls }), engine);
    }

    public FakeGoogleServer Fake { get; }

    public IEnforcerStore Store { get; }

    public FakeTimeProvider Time { get; }

    public IPolicyEngine Engine { get; }

    public ResourceEvaluator Evaluator { get; }

    public RecordingAlertSink Alerts { get; } = new();

    public EnforcementOptions Options { get; set; } = new() { Mode = EnforcementMode.Enforce, OperationPollInterval = TimeSpan.Zero };

    public static async Task<Harness> StartAsync(EmulatorFixture emulators, IPolicyEngine? engine = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var fake = await FakeGoogleServer.StartAsync(time: time);
        IEnforcerStore store;
        if (emulators.FirestoreHost is null && !EmulatorFixture.IsCi)
        {
            store = new InMemoryEnforcerStore();
        }
        else
        {
            emulators.RequireFirestore();
            store = new FirestoreEnforcerStore(emulators.CreateFirestoreClient(EmulatorFixture.NewProjectId()), new FirestoreStoreOptions(TimeSpan.FromDays(30)));
        }

        return new Harness(fake, store, time, engine ?? Policies.Embedded);
    }

    /// <summary>Remediation requests the pipeline published.</summary>
    public InMemoryRemediationRequestPublisher Published { get; } = new();

    /// <summary>Findings the pipeline handed to its sinks.</summary>
    public RecordingFindingSink Findings { get; } = new();

    /// <summary>Evaluate's pipeline, wired like production over the fake and the store; requests go to <see cref="Published"/> unless <paramref name="publisher"/> is given.</summary>
    public EvaluationPipeline Pipeline(IRemediationRequestPublisher? publisher = null) =>
        new(Store, new EventMapper(ResourceCatalog.Default), Evaluator, new DecisionMaker(Options, Time), publisher ?? Published, Findings, new EvaluationPipelineOptions(), Time);

    /// <summary>An executor; <paramref name="handler"/> lets a test interfere with the plan's API calls.</summary>
    public RemediationExecutor Executor(HttpMessageHandler? handler = null)
    {
        var http = handler is null ? _http : new HttpClient(handler, disposeHandler: false);
        var caller = new GoogleApiCaller(http, Time, Options.OperationPolls, Options.OperationPollInterval, host => Fake.BaseUrls.GetValueOrDefault(host));
        return new RemediationExecutor(Store, ResourceCatalog.Default, Evaluator, caller, host => Fake.BaseUrls.GetValueOrDefault(host), Alerts, Options, Time);
    }

    public string SeedBucket(string bucket, bool versioning = false) =>
        Fake.Seed(BucketType, "//storage.googleapis.com/" + bucket, new JsonObject
        {
            ["name"] = bucket,
            ["versioning"] = new JsonObject { ["enabled"] = versioning },
            ["labels"] = new JsonObject { ["team"] = "data" },
        });

    /// <summary>The request Evaluate would publish for the resource's current state.</summary>
    public async Task<RemediationRequest> RequestForAsync(string assetType, string fullName, string policyId, EnforcementMode mode = EnforcementMode.Enforce, DateTimeOffset? notBefore = null)
    {
        var type = ResourceCatalog.Default.Find(assetType)!;
        var evaluated = await Evaluator.EvaluateAsync(type, fullName, type.ParseFullName(fullName)!, null, TestContext.Current.CancellationToken);
        Assert.NotNull(evaluated.State);
        return new RemediationRequest(StoreKeys.Of("r", fullName, policyId, evaluated.State), policyId, fullName, assetType, null, evaluated.State, mode, notBefore, null, null);
    }

    /// <summary>"A human" changes the bucket through the API (the generation moves on, as in Cloud Storage).</summary>
    public async Task HumanPatchBucketAsync(string bucket, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PatchAsync(new Uri(Fake.BaseUrlFor("storage.googleapis.com"), "storage/v1/b/" + bucket), content, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The plan's writes the fake served (GETs and operation polls excluded).</summary>
    public IReadOnlyList<FakeCall> Writes(string method = "PATCH") => [.. Fake.Calls.Where(c => c.Method == method && c.Operation != "operations.get")];

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Fake.DisposeAsync();
    }
}
