using System.Text;
using Enforcer.Rego.Ast;
using Enforcer.Rego.Compilation;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

// `with` modifiers, print and walk.
internal sealed partial class Evaluator
{
    private bool EvalWith(Value?[] frame, Literal literal, Func<bool> k)
    {
        // Evaluate every replacement value first (they are evaluated in the outer context).
        var values = new Value?[literal.With.Length];
        for (var i = 0; i < literal.With.Length; i++)
        {
            var with = literal.With[i];
            if (with.ReplacementFunction is not null)
            {
                continue;
            }

            Value? found = null;
            EvalTerm(frame, with.Value, v =>
            {
                found = v;
                return true;
            });
            if (found is null)
            {
                return false;
            }

            values[i] = found;
        }

        var saved = (_input, _data, _dataOverrides, _mocks, _cache);
        void Apply()
        {
            for (var i = 0; i < literal.With.Length; i++)
            {
                var with = literal.With[i];
                if (with.FunctionName is not null)
                {
                    _mocks = _mocks is null ? new(StringComparer.Ordinal) : new(_mocks, StringComparer.Ordinal);
                    _mocks[with.FunctionName] = new FunctionMock(values[i], with.ReplacementFunction);
                }
                else if (with.TargetsInput)
                {
                    _input = with.Path!.Length == 0 ? values[i]! : Patch(_input, with.Path, 0, values[i]!);
                }
                else
                {
                    _data = Patch(_data, with.Path!, 0, values[i]!) as ObjectValue ?? ObjectValue.Empty;
                    _dataOverrides = _dataOverrides is null ? [] : [.. _dataOverrides];
                    _dataOverrides.Add((with.Path!, values[i]!));
                }
            }

            _cache = [];
        }

        Apply();
        var inner = (_input, _data, _dataOverrides, _mocks, _cache);
        try
        {
            return EvalLiteralNoWith(frame, literal, () =>
            {
                (_input, _data, _dataOverrides, _mocks, _cache) = saved;
                try
                {
                    return k();
                }
                finally
                {
                    (_input, _data, _dataOverrides, _mocks, _cache) = inner;
                }
            });
        }
        finally
        {
            (_input, _data, _dataOverrides, _mocks, _cache) = saved;
        }
    }

    /// <summary>A copy of <paramref name="target"/> with <paramref name="value"/> set at the path (objects created as needed).</summary>
    private static Value Patch(Value? target, string[] path, int index, Value value)
    {
        if (index == path.Length)
        {
            return value;
        }

        var obj = target as ObjectValue ?? ObjectValue.Empty;
        var key = new StringValue(path[index]);
        var child = obj.TryGetValue(key, out var existing) ? existing : null;
        return obj.With(key, Patch(child, path, index + 1, value));
    }

    private void EvalPrint(Value?[] frame, CallTerm call)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < call.Args.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            var values = new List<Value>();
            try
            {
                EvalTerm(frame, call.Args[i], v =>
                {
                    values.Add(v);
                    return false;
                });
            }
            catch (EvalException)
            {
                values.Clear();
            }

            if (values.Count == 0)
            {
                builder.Append("<undefined>");
            }
            else if (values[0] is StringValue s)
            {
                builder.Append(s.Value);
            }
            else
            {
                values[0].WriteTerm(builder);
            }
        }

        _options.PrintSink?.Invoke(builder.ToString());
    }

    /// <summary>Enumerates [path, value] pairs of a document in pre-order, as OPA's walk does.</summary>
    private bool Walk(Value root, Func<Value, bool> k)
    {
        var path = new List<Value>();
        return WalkNode(root);

        bool WalkNode(Value value)
        {
            if (k(new ArrayValue([new ArrayValue([.. path]), value])))
            {
                return true;
            }

            switch (value)
            {
                case ObjectValue o:
                    for (var i = 0; i < o.Count; i++)
                    {
                        path.Add(o.Keys[i]);
                        var stop = WalkNode(o.Values[i]);
                        path.RemoveAt(path.Count - 1);
                        if (stop)
                        {
                            return true;
                        }
                    }

                    break;
                case ArrayValue a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        path.Add(Value.From(i));
                        var stop = WalkNode(a[i]);
                        path.RemoveAt(path.Count - 1);
                        if (stop)
                        {
                            return true;
                        }
                    }

                    break;
                case SetValue s:
                    foreach (var item in s.AsSpan().ToArray())
                    {
                        path.Add(item);
                        var stop = WalkNode(item);
                        path.RemoveAt(path.Count - 1);
                        if (stop)
                        {
                            return true;
                        }
                    }

                    break;
            }

            return false;
        }
    }

    private static RuleTreeNode? Unused(RuleTreeNode? node) => node;
}
