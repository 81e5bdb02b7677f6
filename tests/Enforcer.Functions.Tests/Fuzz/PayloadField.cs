using System.Text.Json;

namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>
/// A field of a payload that the decoder's shape check or the function's mapping reads, with the
/// kind it must have and what happens to the delivery when it has another.
/// </summary>
/// <param name="Path">Dotted path from the payload root, e.g. "protoPayload.serviceName".</param>
/// <param name="Kind">The JSON kind the readers expect there.</param>
/// <param name="NullAllowed">Whether null is a legal value (then null is not generated as a wrong type).</param>
/// <param name="WhenWrong">Refused by the shape check, or accepted and ignored by the function.</param>
internal sealed record PayloadField(string Path, JsonValueKind Kind, bool NullAllowed, FuzzExpectation WhenWrong);
