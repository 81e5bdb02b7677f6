using System.Reflection;
using Enforcer.Core.Storage;

namespace Enforcer.Enforcement.Tests.Reliability;

/// <summary>
/// A store that fails like Firestore under load: a share of calls throws <see cref="StoreUnavailableException"/>
/// (what a 5xx becomes), half of them before the call reaches the store and half after it took effect (the ambiguous
/// case: a write that succeeded but whose answer was lost).
/// </summary>
public class FlakyStore : DispatchProxy
{
    private static readonly MethodInfo FailAfterOfT = typeof(FlakyStore).GetMethod(nameof(FailAfterOfTAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private IEnforcerStore _inner = null!;
    private Func<bool> _fail = null!;
    private int _failures;

    public int Failures => _failures;

    public static (IEnforcerStore Store, FlakyStore Proxy) Wrap(IEnforcerStore inner, double rate, int seed)
    {
        var store = Create<IEnforcerStore, FlakyStore>();
        var proxy = (FlakyStore)(object)store;
        var random = new Random(seed);
        var gate = new Lock();
        proxy._inner = inner;
        proxy._fail = () =>
        {
            lock (gate)
            {
                return random.NextDouble() < rate;
            }
        };
        return (store, proxy);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (!_fail())
        {
            return Call(targetMethod, args);
        }

        var count = Interlocked.Increment(ref _failures);
        if (count % 2 == 0 || !typeof(Task).IsAssignableFrom(targetMethod.ReturnType))
        {
            throw new StoreUnavailableException($"injected 503 before {targetMethod.Name}");
        }

        var task = Call(targetMethod, args);
        return targetMethod.ReturnType == typeof(Task)
            ? FailAfterAsync((Task)task!, targetMethod.Name)
            : FailAfterOfT.MakeGenericMethod(targetMethod.ReturnType.GetGenericArguments()[0]).Invoke(null, [task, targetMethod.Name]);
    }

    private object? Call(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private static async Task FailAfterAsync(Task task, string name)
    {
        await task.ConfigureAwait(false);
        throw new StoreUnavailableException($"injected 503 after {name} took effect");
    }

    private static async Task<T> FailAfterOfTAsync<T>(Task<T> task, string name)
    {
        await task.ConfigureAwait(false);
        throw new StoreUnavailableException($"injected 503 after {name} took effect");
    }
}
