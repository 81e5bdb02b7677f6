namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>What a host must answer to one generated request.</summary>
internal enum FuzzExpectation
{
    /// <summary>
    /// Garbage the decoder refuses before business code runs: a 4xx (the exact status when the case
    /// names one) whose body is <c>{"error": "one line"}</c>.
    /// </summary>
    Rejected,

    /// <summary>
    /// Well-formed enough to be a delivery the function accepts (the transport and payload shape are
    /// right) but meaningless to it: 200 with the outcome "ignored", or "permanent" where the function
    /// records that the input can never succeed. Never "completed" and never a 5xx.
    /// </summary>
    Ignored,
}
