using Enforcer.Core.AuditLogs;
using Enforcer.Core.Tests.Fixtures;

namespace Enforcer.Core.Tests.AuditLogs;

public partial class EventMapperTests
{
    // Truncation at every byte of real entries, plus random byte flips: the mapper must answer, never throw.
    [Fact]
    public void Map_TruncatedFixtures_NeverThrow()
    {
        var cases = FixtureFiles.Names("AuditLogs").Take(12);
        var mapped = 0;
        foreach (var name in cases)
        {
            var bytes = FixtureFiles.Payload("AuditLogs", name);
            for (var cut = 0; cut <= bytes.Length; cut += 7)
            {
                var outcome = EventMapper.Default.Map(bytes.AsSpan(0, cut));
                Assert.NotNull(outcome);
                if (outcome is MappedEvent)
                {
                    mapped++;
                }
            }
        }

        // Only whole entries (the last cut when it lands on the end) can map; a truncated entry never does.
        Assert.True(mapped <= 12, $"{mapped} truncated payloads mapped");
    }

    [Fact]
    public void Map_RandomlyCorruptedFixtures_NeverThrow()
    {
        var random = new Random(20240514);
        var names = FixtureFiles.Names("AuditLogs");
        var reasons = new HashSet<string>();
        for (var i = 0; i < 3000; i++)
        {
            var bytes = FixtureFiles.Payload("AuditLogs", names[random.Next(names.Length)]);
            var flips = random.Next(1, 6);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var outcome = EventMapper.Default.Map(bytes);
            reasons.Add(outcome is IgnoredEvent ignored ? ignored.Reason.ToString() : "Mapped");
            Assert.False(outcome is IgnoredEvent { Reason: IgnoreReason.InternalError }, outcome.ToString());
        }

        Assert.Contains(nameof(IgnoreReason.MalformedJson), reasons);
    }

    // Structure-aware fuzz: keep the JSON valid but put the wrong kinds of values in random places.
    [Fact]
    public void Map_FixturesWithRandomlyRetypedValues_NeverFailInternally()
    {
        var random = new Random(99);
        var names = FixtureFiles.Names("AuditLogs");
        var outcomes = new HashSet<string>();
        for (var i = 0; i < 2000; i++)
        {
            var root = System.Text.Json.Nodes.JsonNode.Parse(FixtureFiles.Payload("AuditLogs", names[random.Next(names.Length)]))!;
            var nodes = new List<System.Text.Json.Nodes.JsonNode>();
            Collect(root, nodes);
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var victim = nodes[random.Next(1, nodes.Count)];
                var replacement = Replacement(random);
                switch (victim.Parent)
                {
                    case System.Text.Json.Nodes.JsonObject obj:
                        obj[victim.GetPropertyName()] = replacement;
                        break;
                    case System.Text.Json.Nodes.JsonArray arr:
                        arr[victim.GetElementIndex()] = replacement;
                        break;
                }

                nodes.Clear();
                Collect(root, nodes);
            }

            var outcome = EventMapper.Default.Map(System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()));
            Assert.False(outcome is IgnoredEvent { Reason: IgnoreReason.InternalError }, outcome.ToString());
            outcomes.Add(outcome is IgnoredEvent ig ? ig.Reason.ToString() : "Mapped");
        }

        Assert.Contains("Mapped", outcomes);
        Assert.True(outcomes.Count >= 4, string.Join(",", outcomes));
    }

    private static void Collect(System.Text.Json.Nodes.JsonNode node, List<System.Text.Json.Nodes.JsonNode> into)
    {
        into.Add(node);
        if (node is System.Text.Json.Nodes.JsonObject obj)
        {
            foreach (var (_, child) in obj)
            {
                if (child is not null)
                {
                    Collect(child, into);
                }
            }
        }
        else if (node is System.Text.Json.Nodes.JsonArray arr)
        {
            foreach (var child in arr)
            {
                if (child is not null)
                {
                    Collect(child, into);
                }
            }
        }
    }

    private static System.Text.Json.Nodes.JsonNode? Replacement(Random random) => random.Next(7) switch
    {
        0 => null,
        1 => System.Text.Json.Nodes.JsonValue.Create(random.Next()),
        2 => System.Text.Json.Nodes.JsonValue.Create(random.Next(2) == 0),
        3 => new System.Text.Json.Nodes.JsonArray(1, "x", null),
        4 => new System.Text.Json.Nodes.JsonObject { ["a"] = "b" },
        5 => System.Text.Json.Nodes.JsonValue.Create(""),
        _ => System.Text.Json.Nodes.JsonValue.Create("projects/-/x/_/y:z//"),
    };

    [Fact]
    public void Map_RandomBytes_NeverThrow()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            var outcome = EventMapper.Default.Map(bytes);
            Assert.IsType<IgnoredEvent>(outcome);
        }
    }

    [Fact]
    public void Map_DeeplyNestedJson_IsIgnoredNotCrashed()
    {
        var payload = new string('[', 5000) + new string(']', 5000);

        var outcome = EventMapper.Default.Map(System.Text.Encoding.UTF8.GetBytes(payload));

        Assert.Equal(IgnoreReason.MalformedJson, Assert.IsType<IgnoredEvent>(outcome).Reason);
    }
}
