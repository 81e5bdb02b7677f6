using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

/// <summary>
/// The outcome of a query: a list of variable bindings (empty means Undefined), or an error.
/// For an entrypoint evaluation, <see cref="Value"/> holds the document (null when Undefined).
/// </summary>
public sealed class EvalResult
{
    private EvalResult(IReadOnlyList<IReadOnlyDictionary<string, Value>> bindings, Value? value, RegoError? error)
    {
        Bindings = bindings;
        Value = value;
        Error = error;
    }

    /// <summary>One dictionary per solution: variable name to value.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, Value>> Bindings { get; }

    /// <summary>The document for an entrypoint evaluation; null when Undefined (or for queries).</summary>
    public Value? Value { get; }

    public RegoError? Error { get; }

    public bool IsError => Error is not null;

    /// <summary>True when the query had no solution (or the entrypoint was Undefined) and no error.</summary>
    public bool IsUndefined => Error is null && Bindings.Count == 0 && Value is null;

    internal static EvalResult FromBindings(List<IReadOnlyDictionary<string, Value>> bindings) => new(bindings, null, null);

    internal static EvalResult FromValue(Value? value) => new(value is null ? [] : [new SingleBinding(value)], value, null);

    internal static EvalResult FromError(RegoError error) => new([], null, error);
}
