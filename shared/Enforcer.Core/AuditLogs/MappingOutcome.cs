namespace Enforcer.Core.AuditLogs;

/// <summary>The result of <see cref="EventMapper.Map(System.ReadOnlySpan{byte})"/>: <see cref="MappedEvent"/> or <see cref="IgnoredEvent"/>.</summary>
public abstract record MappingOutcome
{
    private protected MappingOutcome()
    {
    }
}
