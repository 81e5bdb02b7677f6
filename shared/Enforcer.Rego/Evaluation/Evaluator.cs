using Enforcer.Rego.Builtins;
using Enforcer.Rego.Compilation;
using Enforcer.Rego.Diagnostics;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

/// <summary>
/// Top-down evaluator for one query: unification with backtracking over slot frames, written in
/// continuation-passing style (a continuation returns true to stop the enumeration early). One
/// instance serves one evaluation and is not shared across threads; the compiled tree it reads is.
/// </summary>
internal sealed partial class Evaluator
{
    // Evaluators are reused across evaluations on the same thread (see Rent/Return): the caches, the
    // trail and the in-progress set keep their capacity, so a query does not regrow them every time.
    [ThreadStatic]
    private static Evaluator? _threadSpare;

    private readonly List<(Value?[] Slots, int Index)> _trail = new(16);
    private readonly HashSet<RuleTreeNode> _inProgress = [];
    private readonly List<RuleTreeNode> _activeFunctions = new(16);
    private PolicyProgram _program = null!;
    private EvalOptions _options = null!;
    private BuiltinContext? _builtinContext;
    private CancellationToken _cancellationToken;
    private TimeProvider _time = null!;
    private long _startTimestamp;

    private Value? _input;
    private Value _data = null!;
    private List<(string[] Path, Value Value)>? _dataOverrides;
    private Dictionary<string, FunctionMock>? _mocks;
    private Dictionary<RuleTreeNode, Value?> _cache = [];
    private long _steps;
    private int _depth;

    // Frames of rule evaluations, by size: a frame is all null again when its rule returns (every binding
    // goes through the trail and is undone), so it can serve the next rule of that size.
    private readonly Stack<Value?[]>?[] _framePool = new Stack<Value?[]>?[MaxPooledFrame + 1];
    private const int MaxPooledFrame = 64;

    // Argument buffers of builtin calls on the direct path, by argument count.
    private readonly Stack<Value[]>?[] _argPool = new Stack<Value[]>?[9];

    private Evaluator()
    {
    }

    public Evaluator(PolicyProgram program, Value? input, Value? data, EvalOptions options, CancellationToken cancellationToken)
    {
        Reset(program, input, data, options, cancellationToken);
    }

    /// <summary>An evaluator for one evaluation: this thread's spare one when it has one. Give it back with <see cref="Return"/>.</summary>
    public static Evaluator Rent(PolicyProgram program, Value? input, Value? data, EvalOptions options, CancellationToken cancellationToken)
    {
        var evaluator = _threadSpare ?? new Evaluator();
        _threadSpare = null;
        evaluator.Reset(program, input, data, options, cancellationToken);
        return evaluator;
    }

    /// <summary>Clears the evaluation's state (releasing its values) and keeps the evaluator as this thread's spare.</summary>
    public static void Return(Evaluator evaluator)
    {
        evaluator.Clear();
        _threadSpare = evaluator;
    }

    private void Reset(PolicyProgram program, Value? input, Value? data, EvalOptions options, CancellationToken cancellationToken)
    {
        _program = program;
        _options = options;
        _cancellationToken = cancellationToken;
        _time = options.TimeProvider ?? TimeProvider.System;
        _startTimestamp = _time.GetTimestamp();
        _input = input;
        _data = data ?? ObjectValue.Empty;
        _builtinContext = null;
        _dataOverrides = null;
        _mocks = null;
        _steps = 0;
        _depth = 0;
    }

    private void Clear()
    {
        _trail.Clear();
        _inProgress.Clear();
        _activeFunctions.Clear();
        _input = null;
        _data = null!;
        _builtinContext = null;
        _dataOverrides = null;
        _mocks = null;

        // A query that filled huge caches should not pin that much memory on the thread.
        _cache = _cache.Count > 4096 ? [] : ClearAndKeep(_cache);
    }

    private static Dictionary<TKey, TValue> ClearAndKeep<TKey, TValue>(Dictionary<TKey, TValue> dictionary)
        where TKey : notnull
    {
        dictionary.Clear();
        return dictionary;
    }

    /// <summary>Runs a compiled query and returns one binding map per solution.</summary>
    public List<IReadOnlyDictionary<string, Value>> RunQuery(CompiledQuery query)
    {
        var results = new List<IReadOnlyDictionary<string, Value>>();
        var frame = new Value?[query.FrameSize];
        EvalBody(frame, query.Body.Literals, 0, () =>
        {
            var bindings = new Dictionary<string, Value>(StringComparer.Ordinal);
            foreach (var (name, slot) in query.Vars)
            {
                if (frame[slot] is { } value)
                {
                    bindings[name] = value;
                }
            }

            results.Add(bindings);
            return false;
        });
        return results;
    }

    /// <summary>The value of the document at a data path (Undefined as null).</summary>
    public Value? EvaluatePath(string[] path)
    {
        var node = _program.Root;
        var i = 0;
        for (; i < path.Length; i++)
        {
            if (!node.TryGetChild(path[i], out var child))
            {
                break;
            }

            node = child;
            if (node.Rules.Count > 0 || node.Default is not null)
            {
                i++;
                break;
            }
        }

        var value = NodeValue(node);
        for (; i < path.Length && value is not null; i++)
        {
            value = Lookup(value, new StringValue(path[i]));
        }

        return value;
    }

    /// <summary>Created on the first builtin call: many evaluations call none.</summary>
    private BuiltinContext Context => _builtinContext ??= new BuiltinContext(_time, _cancellationToken)
    {
        StrictBuiltinErrors = _options.StrictBuiltinErrors,
        PrintSink = _options.PrintSink,
    };

    private void Step(SourceSpan span)
    {
        _steps++;
        if (_steps > _options.Limits.MaxSteps)
        {
            throw new EvalException("eval_limit_error", $"evaluation exceeded the step limit ({_options.Limits.MaxSteps})", span);
        }

        // Deep nesting must end as an error, never as a process-killing stack overflow. The check guarantees far
        // more headroom than the few frames 16 steps can add, so it need not run on every step.
        if ((_steps & 15) == 0)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        }

        if ((_steps & 255) == 0)
        {
            if (_cancellationToken.IsCancellationRequested)
            {
                throw new EvalException("eval_cancel_error", "evaluation cancelled", span);
            }

            if (_time.GetElapsedTime(_startTimestamp) > _options.Limits.MaxDuration)
            {
                throw new EvalException("eval_limit_error", $"evaluation exceeded the time limit ({_options.Limits.MaxDuration})", span);
            }
        }
    }

    private Value?[] RentFrame(int size)
    {
        if (size <= MaxPooledFrame && _framePool[size] is { Count: > 0 } pool)
        {
            return pool.Pop();
        }

        return new Value?[size];
    }

    /// <summary>Gives a frame back once its rule has returned normally (an error abandons it instead).</summary>
    private void ReturnFrame(Value?[] frame)
    {
        if (frame.Length <= MaxPooledFrame)
        {
            // Bindings were undone already; clearing guards against a slot written outside the trail.
            Array.Clear(frame);
            (_framePool[frame.Length] ??= new Stack<Value?[]>()).Push(frame);
        }
    }

    private void Bind(Value?[] frame, int slot, Value value)
    {
        Store(frame, slot, value);
        _trail.Add((frame, slot));
    }

    /// <summary>
    /// <c>array[index] = value</c> without the array-covariance check that every store of a derived value into a
    /// <see cref="Value"/> array costs: only for arrays the evaluator created itself as exactly <c>Value[]</c> (frames,
    /// argument buffers, element arrays), where the check can never fail. The index is still bounds-checked.
    /// </summary>
    private static void Store(Value?[] array, int index, Value value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)array.Length, nameof(index));
        System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(array), index) = value;
    }

    private int Mark => _trail.Count;

    private void Undo(int mark)
    {
        for (var i = _trail.Count - 1; i >= mark; i--)
        {
            var (slots, index) = _trail[i];
            slots[index] = null;
        }

        _trail.RemoveRange(mark, _trail.Count - mark);
    }

    private void EnterDepth(SourceSpan span)
    {
        if (++_depth > _options.Limits.MaxDepth)
        {
            _depth--;
            throw new EvalException("eval_limit_error", $"evaluation exceeded the depth limit ({_options.Limits.MaxDepth})", span);
        }
    }

    /// <summary>Looks up a key in a collection: object key, array index, set member.</summary>
    internal static Value? Lookup(Value collection, Value key)
    {
        switch (collection)
        {
            case ObjectValue o:
                return o.TryGetValue(key, out var v) ? v : null;
            case ArrayValue a:
                if (key is NumberValue n && n.TryGetInt32(out var index) && index >= 0 && index < a.Count)
                {
                    return a[index];
                }

                return null;
            case SetValue s:
                return s.Contains(key) ? key : null;
            default:
                return null;
        }
    }
}
