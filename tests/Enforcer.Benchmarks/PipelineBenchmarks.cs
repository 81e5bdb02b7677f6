using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Processing;
using Enforcer.Core.Reading;
using Enforcer.Core.Resources;
using Enforcer.Core.Storage;
using Enforcer.Enforcement.Configuration;
using Enforcer.Enforcement.Decisions;
using Enforcer.Enforcement.Evaluation;
using Enforcer.Enforcement.Notifications;
using Enforcer.Enforcement.Pipeline;
using Enforcer.Enforcement.Remediation;
using Enforcer.FakeGoogle;
using Enforcer.Policies.Embedded;

namespace Enforcer.Benchmarks;

/// <summary>
/// The Evaluate pipeline in-process, one audit event per operation: map, record the event, read the bucket from the
/// fake Google API over loopback HTTP, evaluate its five policies on the embedded engine, decide, record evaluations
/// and violations (in-memory store), publish the remediation requests. Baselines in the same run: mapping alone and
/// the live read alone, so the share of each stage is visible. Single-threaded: 1 / mean is events/s per core.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Buckets = 100;
    private readonly HttpClient _http = new();
    private FakeGoogleServer _fake = null!;
    private EvaluationPipeline _pipeline = null!;
    private ResourceReader _reader = null!;
    private InMemoryRemediationRequestPublisher _published = null!;
    private byte[] _template = [];
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        _fake = FakeGoogleServer.StartAsync().GetAwaiter().GetResult();
        for (var i = 0; i < Buckets; i++)
        {
            _fake.Seed("storage.googleapis.com/Bucket", new Dictionary<string, string> { ["bucket"] = Bucket(i), ["project"] = "acme-prod" }, new JsonObject
            {
                ["name"] = Bucket(i),
                ["versioning"] = new JsonObject { ["enabled"] = false },
                ["labels"] = new JsonObject { ["team"] = "data" },
            });
        }

        _reader = new ResourceReader(_http, ResourceCatalog.Default, new ResourceReaderOptions { BaseUrls = _fake.BaseUrls });
        var engine = EmbeddedPolicyEngine.Load(PolicyBundle.FromEmbeddedResources(), time);
        var options = new EnforcementOptions { Mode = EnforcementMode.Enforce };
        _published = new InMemoryRemediationRequestPublisher();
        _pipeline = new EvaluationPipeline(
            new InMemoryEnforcerStore(), new EventMapper(ResourceCatalog.Default), new ResourceEvaluator(_reader, engine), new DecisionMaker(options, time),
            _published, NullFindingSink.Instance, new EvaluationPipelineOptions(), time);
        _template = Entry("bench-0", Bucket(0));

        var check = _pipeline.RunAsync(Envelope(Entry("warm", Bucket(1))), CancellationToken.None).GetAwaiter().GetResult();
        if (check.Outcome.Status != ProcessingStatus.Completed || check.Published.Count == 0)
        {
            throw new InvalidOperationException("setup: the pipeline did not evaluate the bucket: " + check.Outcome.Detail);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public int MapOnly() => EventMapper.Default.Map(_template) is MappedEvent mapped ? mapped.Resources.Count : 0;

    [Benchmark]
    public async Task<bool> ReadOnly()
    {
        var type = ResourceCatalog.Default.Find("storage.googleapis.com/Bucket")!;
        var read = await _reader.ReadAsync(type, new Dictionary<string, string> { ["bucket"] = Bucket((int)(_sequence++ % Buckets)) });
        return read is ResourceFound;
    }

    [Benchmark]
    public async Task<int> EvaluateOneEvent()
    {
        var n = Interlocked.Increment(ref _sequence);
        var result = await _pipeline.RunAsync(Envelope(Entry("bench-" + n.ToString(CultureInfo.InvariantCulture), Bucket((int)(n % Buckets)))), CancellationToken.None);
        if (n % 1000 == 0)
        {
            _published.Drain();
        }

        return result.Findings.Count;
    }

    private static string Bucket(int i) => "bench-bucket-" + i.ToString("D3", CultureInfo.InvariantCulture);

    private static EventEnvelope Envelope(byte[] entry) =>
        new(JsonDocument.Parse(entry).RootElement, null, null, new Dictionary<string, string>(), "pubsub-push");

    private static byte[] Entry(string insertId, string bucket) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["insertId"] = insertId,
        ["logName"] = "projects/acme-prod/logs/cloudaudit.googleapis.com%2Factivity",
        ["timestamp"] = "2026-11-23T09:00:00Z",
        ["resource"] = new JsonObject { ["type"] = "gcs_bucket", ["labels"] = new JsonObject { ["project_id"] = "acme-prod", ["bucket_name"] = bucket } },
        ["protoPayload"] = new JsonObject
        {
            ["@type"] = "type.googleapis.com/google.cloud.audit.AuditLog",
            ["authenticationInfo"] = new JsonObject { ["principalEmail"] = "alice@example.com" },
            ["serviceName"] = "storage.googleapis.com",
            ["methodName"] = "storage.buckets.update",
            ["resourceName"] = "projects/_/buckets/" + bucket,
        },
    });
}
