using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Enforcer.Google.Firestore;

namespace Enforcer.Google.Tests.Firestore;

public class FirestoreValueTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "values", name));

    private static FirestoreDocument ReadWireDocument()
    {
        using var json = JsonDocument.Parse(Fixture("wire-document.json"));
        return FirestoreWire.ReadDocument(json.RootElement, "projects/p1/databases/(default)/documents/");
    }

    private static FirestoreValue RoundTrip(FirestoreValue value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        return FirestoreValue.ReadFrom(json.RootElement);
    }

    [Fact]
    public void ReadDocument_WireFixture_ReadsEveryKind()
    {
        var doc = ReadWireDocument();

        Assert.Equal("violations/v1", doc.Path);
        Assert.Equal("v1", doc.Id);
        Assert.True(doc["nothing"]!.IsNull);
        Assert.True(doc["enforced"]!.AsBoolean());
        Assert.Equal(9_007_199_254_740_993L, doc["count"]!.AsInteger());
        Assert.Equal(-42, doc["negative"]!.AsInteger());
        Assert.Equal(0.125, doc["ratio"]!.AsDouble());
        Assert.True(double.IsNaN(doc["notANumber"]!.AsDouble()));
        Assert.Equal(double.NegativeInfinity, doc["infinite"]!.AsDouble());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 14, 15, 15, TimeSpan.Zero).AddTicks(5_242_171), doc["at"]!.AsTimestamp());
        Assert.Equal("HIGH", doc["severity"]!.AsString());
        Assert.Equal(new byte[] { 0, 1, 255 }, doc["raw"]!.AsBytes().ToArray());
        Assert.EndsWith("/documents/resources/r1", doc["resource"]!.AsReference(), StringComparison.Ordinal);
        Assert.Equal(new FirestoreGeoPoint(48.85, 2.35), doc["where"]!.AsGeoPoint());
        Assert.Empty(doc["emptyList"]!.AsArray());
        Assert.Equal(FirestoreValue.FromArray("patch", 2, FirestoreValue.FromMap(new Dictionary<string, FirestoreValue> { ["k"] = false })), doc["steps"]);
        Assert.Empty(doc["emptyMap"]!.AsMap());
        Assert.Equal(2, doc.GetField("plan.nested.depth")!.AsInteger());
        Assert.Null(doc.GetField("plan.missing.depth"));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 14, 15, 16, TimeSpan.Zero).AddTicks(10), doc.UpdateTime);
    }

    [Fact]
    public void WriteTo_EveryFieldOfTheFixture_RoundTripsToAnEqualValue()
    {
        var doc = ReadWireDocument();

        foreach (var (name, value) in doc.Fields)
        {
            Assert.True(value.Equals(RoundTrip(value)), $"{name} did not round-trip: {value}");
        }
    }

    [Fact]
    public void WriteTo_Integer_IsAJsonStringAsProto3Requires()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            FirestoreValue.FromInteger(long.MaxValue).WriteTo(writer);
        }

        Assert.Equal("""{"integerValue":"9223372036854775807"}""", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void FromJsonNode_PlainResource_RoundTripsThroughToJsonNode()
    {
        var plain = JsonNode.Parse(Fixture("plain-bucket.json"))!;

        var value = FirestoreValue.FromJsonNode(plain);
        var back = value.ToJsonNode();

        Assert.True(JsonNode.DeepEquals(plain, back), back?.ToJsonString());
        var map = value.AsMap();
        Assert.Equal(FirestoreValueKind.Integer, map["metageneration"].Kind);
        Assert.Equal(FirestoreValueKind.Double, map["softDeleteFraction"].Kind);
        Assert.Equal(FirestoreValueKind.String, map["projectNumber"].Kind);
        Assert.True(map["retentionPolicy"].IsNull);
        Assert.Equal(30, map["lifecycle"].AsMap()["rule"].AsArray()[0].AsMap()["condition"].AsMap()["age"].AsInteger());
    }

    [Fact]
    public void FromJsonNode_NodesBuiltInCode_Convert()
    {
        var node = new JsonObject { ["n"] = 3, ["d"] = 1.5, ["s"] = "x", ["b"] = true, ["a"] = new JsonArray(1, 2) };

        var value = FirestoreValue.FromJsonNode(node).AsMap();

        Assert.Equal(3, value["n"].AsInteger());
        Assert.Equal(1.5, value["d"].AsDouble());
        Assert.Equal("x", value["s"].AsString());
        Assert.True(value["b"].AsBoolean());
        Assert.Equal(FirestoreValue.FromArray(1, 2), value["a"]);
    }

    [Fact]
    public void Equality_IsStructural_AndKindSensitive()
    {
        var left = FirestoreValue.FromMap(new Dictionary<string, FirestoreValue> { ["a"] = FirestoreValue.FromArray(1, "x"), ["b"] = FirestoreValue.FromBytes([1, 2]) });
        var right = FirestoreValue.FromMap(new Dictionary<string, FirestoreValue> { ["b"] = FirestoreValue.FromBytes([1, 2]), ["a"] = FirestoreValue.FromArray(1, "x") });

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(FirestoreValue.FromInteger(1), FirestoreValue.FromDouble(1));
        Assert.NotEqual(FirestoreValue.FromString("1"), FirestoreValue.FromInteger(1));
        Assert.Equal(FirestoreValue.Null, (FirestoreValue)(string?)null);
    }

    [Fact]
    public void As_WrongKind_ThrowsWithBothKindsNamed()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => FirestoreValue.FromString("x").AsInteger());

        Assert.Contains("String", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Integer", ex.Message, StringComparison.Ordinal);
        Assert.Null(FirestoreValue.FromString("x").TryGetInteger());
        Assert.Equal(2.0, FirestoreValue.FromInteger(2).AsDouble());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("_x9", "_x9")]
    [InlineData("with space", "`with space`")]
    [InlineData("dotted.key", "`dotted.key`")]
    [InlineData("9lives", "`9lives`")]
    [InlineData("back`tick", "`back\\`tick`")]
    public void QuoteSegment_NonIdentifier_IsBacktickQuoted(string segment, string expected)
    {
        Assert.Equal(expected, FieldPaths.QuoteSegment(segment));
    }
}
