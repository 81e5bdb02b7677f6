using Enforcer.Enforcement.Notifications;

namespace Enforcer.Enforcement.Tests.Notifications;

public sealed class CompositeFindingSinkTests
{
    [Fact]
    public async Task PublishAsync_OneSinkThrows_OthersStillReceiveAndTheFailureIsReported()
    {
        var recorded = new List<IReadOnlyList<Finding>>();
        var failures = new List<Exception>();
        var composite = new CompositeFindingSink(
            [new DelegateSink(_ => throw new InvalidOperationException("boom")), new DelegateSink(f => recorded.Add(f))],
            (_, e) => failures.Add(e));

        await composite.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        Assert.Single(recorded);
        Assert.Equal("boom", Assert.Single(failures).Message);
    }

    [Fact]
    public async Task PublishAsync_NoFindings_CallsNoSink()
    {
        var calls = 0;
        var composite = new CompositeFindingSink([new DelegateSink(_ => calls++)]);

        await composite.PublishAsync([], TestContext.Current.CancellationToken);

        Assert.Equal(0, calls);
    }

    private sealed class DelegateSink(Action<IReadOnlyList<Finding>> action) : IFindingSink
    {
        public ValueTask PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
        {
            action(findings);
            return ValueTask.CompletedTask;
        }
    }
}
