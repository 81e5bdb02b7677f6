namespace Enforcer.Policies;

/// <summary>Policy severity, ordered so thresholds can compare (<c>severity &gt;= High</c>).</summary>
public enum PolicySeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
