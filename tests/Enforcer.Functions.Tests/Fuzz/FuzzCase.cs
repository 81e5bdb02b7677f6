namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>One generated request, the kind of damage done to it, and the answer it must get.</summary>
/// <param name="Index">Position in the run; with the seed it regenerates the same request.</param>
/// <param name="Category">The kind of damage, e.g. "invalid-base64" (counted per run).</param>
/// <param name="Detail">What exactly was done, for the failure message.</param>
/// <param name="Request">The request to send.</param>
/// <param name="Expected">Refused with a 4xx, or accepted and ignored.</param>
/// <param name="Status">The exact status expected, when one is certain (400, 405, 413).</param>
internal sealed record FuzzCase(int Index, string Category, string Detail, FuzzRequest Request, FuzzExpectation Expected, int? Status);
