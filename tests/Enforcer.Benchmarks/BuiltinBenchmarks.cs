using BenchmarkDotNet.Attributes;
using Enforcer.Rego.Builtins;
using Enforcer.Rego.Values;

namespace Enforcer.Benchmarks;

/// <summary>Per-call cost of the builtins policies lean on most, called through the builtin table.</summary>
[MemoryDiagnoser]
public class BuiltinBenchmarks
{
    private readonly BuiltinContext _context = new(TimeProvider.System);
    private BuiltinDefinition _sprintf = null!;
    private BuiltinDefinition _regexMatch = null!;
    private BuiltinDefinition _globMatch = null!;
    private BuiltinDefinition _parseTime = null!;
    private BuiltinDefinition _marshal = null!;
    private BuiltinDefinition _cidrContains = null!;
    private Value[] _sprintfArgs = null!;
    private Value[] _regexArgs = null!;
    private Value[] _globArgs = null!;
    private Value[] _timeArgs = null!;
    private Value[] _marshalArgs = null!;
    private Value[] _cidrArgs = null!;

    [GlobalSetup]
    public void Setup()
    {
        BuiltinDefinition Get(string name) => BuiltinRegistry.Default.TryGet(name, out var d) ? d : throw new InvalidOperationException(name);
        _sprintf = Get("sprintf");
        _regexMatch = Get("regex.match");
        _globMatch = Get("glob.match");
        _parseTime = Get("time.parse_rfc3339_ns");
        _marshal = Get("json.marshal");
        _cidrContains = Get("net.cidr_contains");
        _sprintfArgs = [Value.From("bucket %s in %s has %d findings (%.1f%%)"), new ArrayValue([Value.From("logs"), Value.From("projects/p1"), Value.From(12), NumberValue.FromDecimal(3.75m)])];
        _regexArgs = [Value.From("^projects/[a-z][-a-z0-9]{4,28}[a-z0-9]/buckets/.+$"), Value.From("projects/my-project-42/buckets/audit-logs")];
        _globArgs = [Value.From("*.storage.googleapis.com"), new ArrayValue([Value.From(".")]), Value.From("bucket.storage.googleapis.com")];
        _timeArgs = [Value.From("2026-11-23T14:20:43.123456789+01:00")];
        _marshalArgs = [RegoJson.Parse("""{"name":"b","labels":{"env":"prod","team":"sec"},"acl":[{"role":"READER","entity":"allUsers"}],"size":12345}""")];
        _cidrArgs = [Value.From("10.0.0.0/8"), Value.From("10.1.2.3")];
    }

    [Benchmark]
    public Value? Sprintf() => Call(_sprintf, _sprintfArgs);

    [Benchmark]
    public Value? RegexMatchCached() => Call(_regexMatch, _regexArgs);

    [Benchmark]
    public Value? GlobMatchCached() => Call(_globMatch, _globArgs);

    [Benchmark]
    public Value? ParseRfc3339() => Call(_parseTime, _timeArgs);

    [Benchmark]
    public Value? JsonMarshal() => Call(_marshal, _marshalArgs);

    [Benchmark]
    public Value? CidrContains() => Call(_cidrContains, _cidrArgs);

    private Value? Call(BuiltinDefinition definition, Value[] args)
    {
        _context.BuiltinName = definition.Name;
        return definition.Function(_context, args).Value;
    }
}
