using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

/// <summary>The one binding <c>result</c> of an entrypoint evaluation, without a dictionary allocation.</summary>
internal sealed class SingleBinding(Value value) : IReadOnlyDictionary<string, Value>
{
    private const string Key = "result";

    public Value this[string key] => key == Key ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => [Key];

    public IEnumerable<Value> Values => [value];

    public int Count => 1;

    public bool ContainsKey(string key) => key == Key;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Value result)
    {
        result = key == Key ? value : null;
        return result is not null;
    }

    public IEnumerator<KeyValuePair<string, Value>> GetEnumerator()
    {
        yield return new KeyValuePair<string, Value>(Key, value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
