using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>graph.reachable and graph.reachable_paths over an adjacency object (node -> array or set of nodes).</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterGraph(BuiltinTableBuilder builtins)
    {
        builtins.Add("graph.reachable", 2, GraphReachable, ["object", "any"], "set");
        builtins.Add("graph.reachable_paths", 2, GraphReachablePaths, ["object", "any"], "set");
    }

    private static bool GraphOperands(BuiltinContext context, ReadOnlySpan<Value> args, out ObjectValue graph, out ReadOnlySpan<Value> initial, out BuiltinResult error)
    {
        initial = [];
        if (!OperandObject(context, args[0], 1, out graph, out error))
        {
            return false;
        }

        if (args[1] is not ArrayValue and not SetValue)
        {
            error = BuiltinResult.OperandTypeError(context, 2, args[1], "{array, set}");
            return false;
        }

        initial = OperandItems(args[1]);
        return true;
    }

    private static BuiltinResult GraphReachable(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!GraphOperands(context, args, out var graph, out var initial, out var error))
        {
            return error;
        }

        // Breadth-first; a node counts as reached only when it is a key of the graph.
        var reached = new HashSet<Value>(ValueComparer.Instance);
        var queue = new Queue<Value>(initial.ToArray());
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (graph.TryGetValue(node, out var edges))
            {
                foreach (var neighbor in OperandItems(edges))
                {
                    if (!reached.Contains(neighbor))
                    {
                        queue.Enqueue(neighbor);
                    }
                }

                reached.Add(node);
            }
        }

        return SetValue.Create(reached);
    }

    private static BuiltinResult GraphReachablePaths(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!GraphOperands(context, args, out var graph, out var initial, out var error))
        {
            return error;
        }

        var paths = new List<Value>();
        foreach (var node in initial)
        {
            if (!graph.TryGetValue(node, out var edges))
            {
                continue;
            }

            var neighbors = OperandItems(edges);
            if (neighbors.Length == 0)
            {
                paths.Add(new ArrayValue([node]));
                continue;
            }

            foreach (var neighbor in neighbors)
            {
                GraphPaths(context, graph, neighbor, [node], new HashSet<Value>(ValueComparer.Instance) { node }, paths);
            }
        }

        return SetValue.Create(paths);
    }

    /// <summary>Extends a path depth-first; a path ends at a leaf, an unknown node (excluded) or a cycle.</summary>
    private static void GraphPaths(BuiltinContext context, ObjectValue graph, Value root, List<Value> path, HashSet<Value> onPath, List<Value> paths)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        if (!graph.TryGetValue(root, out var edges))
        {
            paths.Add(new ArrayValue([.. path]));
            return;
        }

        var extended = new List<Value>(path) { root };
        var neighbors = OperandItems(edges);
        if (neighbors.Length == 0)
        {
            paths.Add(new ArrayValue([.. extended]));
            return;
        }

        var visited = new HashSet<Value>(onPath, ValueComparer.Instance) { root };
        foreach (var neighbor in neighbors)
        {
            if (visited.Contains(neighbor))
            {
                paths.Add(new ArrayValue([.. extended]));
            }
            else
            {
                GraphPaths(context, graph, neighbor, extended, visited, paths);
            }
        }
    }
}
