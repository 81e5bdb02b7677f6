using System.Text.Json.Serialization;

namespace Enforcer.Policies.Tests.Support;

/// <summary>Source-generated JSON for the few values the tests serialize.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
