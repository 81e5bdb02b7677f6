namespace Enforcer.Core.History;

/// <summary>Why a History request produced no answer.</summary>
public enum HistoryFailure
{
    /// <summary>It did: the value is set.</summary>
    None,

    /// <summary>A parameter is invalid (400).</summary>
    Invalid,

    /// <summary>The thing asked for does not exist (404).</summary>
    NotFound,
}
