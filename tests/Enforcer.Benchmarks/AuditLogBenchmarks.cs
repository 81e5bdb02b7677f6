using BenchmarkDotNet.Attributes;
using Enforcer.Core.AuditLogs;

namespace Enforcer.Benchmarks;

/// <summary>
/// Parse + map throughput of <see cref="EventMapper"/> over a mixed stream: every audit-log fixture of
/// tests/Enforcer.Core.Tests (all 45 catalog types, multi-resource entries, ignored kinds) plus the
/// evaluation-request fixtures. Results are per entry (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class AuditLogBenchmarks
{
    private byte[][] _auditLogs = [];
    private byte[][] _requests = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = FindFixtures();
        _auditLogs = Load(Path.Combine(root, "AuditLogs"));
        _requests = Load(Path.Combine(root, "Requests"));
        if (_auditLogs.Length != AuditLogCount)
        {
            throw new InvalidOperationException($"Expected {AuditLogCount} audit-log fixtures, found {_auditLogs.Length}; update the constant.");
        }
    }

    private const int AuditLogCount = 150;
    private const int RequestCount = 12;

    [Benchmark(OperationsPerInvoke = AuditLogCount)]
    public int MapAuditLogStream()
    {
        var resources = 0;
        foreach (var payload in _auditLogs)
        {
            if (EventMapper.Default.Map(payload) is MappedEvent mapped)
            {
                resources += mapped.Resources.Count;
            }
        }

        return resources;
    }

    [Benchmark(OperationsPerInvoke = RequestCount)]
    public int MapEvaluationRequestStream()
    {
        var resources = 0;
        foreach (var payload in _requests)
        {
            if (EventMapper.Default.Map(payload) is MappedEvent mapped)
            {
                resources += mapped.Resources.Count;
            }
        }

        return resources;
    }

    private static byte[][] Load(string folder) =>
        [.. Directory.GetFiles(folder, "*.json")
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)];

    // BenchmarkDotNet runs a generated copy of this assembly; walk up to the repository to find the fixtures.
    private static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Enforcer.Core.Tests", "Fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Enforcer.Core.Tests/Fixtures not found above " + AppContext.BaseDirectory);
    }
}
