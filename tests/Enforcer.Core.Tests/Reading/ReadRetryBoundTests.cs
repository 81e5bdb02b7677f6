using Enforcer.Core.AuditLogs;
using Enforcer.Core.Reading;
using Microsoft.Extensions.Time.Testing;

namespace Enforcer.Core.Tests.Reading;

public class ReadRetryBoundTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 14, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ReadRetryBound _bound = new() { MaxEventAge = TimeSpan.FromMinutes(30), MaxAttempts = 5 };
    private readonly ResourceNotReady _notReady = new("state", "PENDING_CREATE", "pending");

    [Fact]
    public void Decide_YoungEvent_Retries() => Assert.True(_bound.Decide(_notReady, Now.AddMinutes(-5), 2, _time).Retry);

    [Fact]
    public void Decide_OldEvent_GivesUp()
    {
        var decision = _bound.Decide(_notReady, Now.AddMinutes(-31), 1, _time);

        Assert.False(decision.Retry);
        Assert.Contains("older", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TooManyAttempts_GivesUp() => Assert.False(_bound.Decide(_notReady, Now, 5, _time).Retry);

    [Fact]
    public void Decide_UnknownAgeAndAttempt_Retries() => Assert.True(_bound.Decide(new ReadTransientFailure(503, "x"), null, null, _time).Retry);

    [Fact]
    public void Decide_PermanentOutcome_NeverRetries() => Assert.False(_bound.Decide(new ResourceGone("gone"), Now, 1, _time).Retry);

    [Fact]
    public void Decide_AfterClockAdvances_GivesUp()
    {
        var eventTime = Now;
        Assert.True(_bound.Decide(_notReady, eventTime, null, _time).Retry);

        _time.Advance(TimeSpan.FromMinutes(45));

        Assert.False(_bound.Decide(_notReady, eventTime, null, _time).Retry);
    }

    [Theory]
    [InlineData(OperationKind.Create, 2, true)]
    [InlineData(OperationKind.Create, 6, false)]
    [InlineData(OperationKind.Update, 2, false)]
    public void DecideForEvent_GoneRightAfterCreate_RetriesWithinGrace(OperationKind operation, int minutesAgo, bool retry)
    {
        var resource = new ResourceRef("storage.googleapis.com/Bucket", "//storage.googleapis.com/b", new Dictionary<string, string> { ["bucket"] = "b" }, null, operation, false);
        var metadata = new EventMetadata { Source = EventSource.AuditLog, Timestamp = Now.AddMinutes(-minutesAgo), Operation = operation };

        var decision = _bound.DecideForEvent(new ResourceGone("404"), resource, metadata, 1, _time);

        Assert.Equal(retry, decision.Retry);
    }

    [Fact]
    public void DecideForEvent_NotReady_UsesTheEventAge()
    {
        var resource = new ResourceRef("sqladmin.googleapis.com/Instance", "//x", new Dictionary<string, string>(), "p", OperationKind.Create, false);
        var metadata = new EventMetadata { Source = EventSource.AuditLog, Timestamp = Now.AddMinutes(-40) };

        Assert.False(_bound.DecideForEvent(_notReady, resource, metadata, null, _time).Retry);
    }
}
