namespace Enforcer.Enforcement.Remediation;

/// <summary>Where alerts go: an ERROR log line with alert fields on Cloud Run (log-based alerting), a list in tests.</summary>
public interface IAlertSink
{
    ValueTask RaiseAsync(Alert alert, CancellationToken cancellationToken);
}
