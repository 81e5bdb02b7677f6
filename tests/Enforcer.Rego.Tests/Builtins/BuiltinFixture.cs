using System.Runtime.CompilerServices;
using System.Text.Json;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Tests.Builtins;

/// <summary>
/// One builtin case from a JSON fixture under <c>Fixtures/Builtins</c>: a call with JSON arguments
/// (an object <c>{"$set": [...]}</c> stands for a set) and either a wanted value, Undefined, or an error.
/// </summary>
internal sealed record BuiltinFixture(string Id, string Call, Value[] Args, Value? Want, bool Undefined, string? Error, string? Code)
{
    public static TheoryData<string> Ids(string file, [CallerFilePath] string caller = "")
    {
        var data = new TheoryData<string>();
        foreach (var fixture in Load(file, caller))
        {
            data.Add(fixture.Id);
        }

        return data;
    }

    public static BuiltinFixture Get(string file, string id, [CallerFilePath] string caller = "") =>
        Load(file, caller).Single(f => f.Id == id);

    /// <summary>Runs the call and asserts the expectation.</summary>
    public void Verify()
    {
        var result = BuiltinCall.Invoke(Call, Args);
        if (Error is not null)
        {
            Assert.NotNull(result.Error);
            Assert.Contains(Error, result.Error.Message, StringComparison.Ordinal);
            if (Code is not null)
            {
                Assert.Equal(Code, result.Error.Code);
            }

            return;
        }

        Assert.Null(result.Error?.Message);
        if (Undefined)
        {
            Assert.True(result.IsUndefined, $"expected undefined, got {result.Value}");
            return;
        }

        Assert.NotNull(result.Value);
        Assert.Equal(Want!.ToString(), result.Value.ToString());
        Assert.Equal(Want, result.Value);
    }

    private static List<BuiltinFixture> Load(string file, string caller)
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "..", "Fixtures", "Builtins", file);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var fixtures = new List<BuiltinFixture>();
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            index++;
            var call = element.GetProperty("call").GetString()!;
            var note = element.TryGetProperty("note", out var n) ? n.GetString() : null;
            var args = element.GetProperty("args").EnumerateArray().Select(Convert).ToArray();
            var want = element.TryGetProperty("want", out var w) ? Convert(w) : null;
            var undefined = element.TryGetProperty("undefined", out var u) && u.GetBoolean();
            var error = element.TryGetProperty("error", out var e) ? e.GetString() : null;
            var code = element.TryGetProperty("code", out var c) ? c.GetString() : null;
            var id = $"{index:D3} {call}" + (note is null ? string.Empty : $" ({note})");
            fixtures.Add(new BuiltinFixture(id, call, args, want, undefined, error, code));
        }

        return fixtures;
    }

    private static Value Convert(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$set", out var items))
        {
            return SetValue.Create(items.EnumerateArray().Select(Convert));
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            return ObjectValue.FromStrings(element.EnumerateObject().Select(p => new KeyValuePair<string, Value>(p.Name, Convert(p.Value))));
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            return new ArrayValue(element.EnumerateArray().Select(Convert).ToArray());
        }

        return RegoJson.FromElement(element);
    }
}
