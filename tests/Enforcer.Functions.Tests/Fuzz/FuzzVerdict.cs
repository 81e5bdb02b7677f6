using System.Net;
using System.Text;
using System.Text.Json;

namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>Judges one answer against its case: null when it is right, else what is wrong with it.</summary>
internal static class FuzzVerdict
{
    /// <summary>The longest reason a rejection may carry (ReasonText.MaxLength plus "...").</summary>
    public const int MaxReasonLength = 303;

    public static string? Check(FuzzCase fuzzCase, HttpStatusCode statusCode, string? contentType, byte[] body)
    {
        var status = (int)statusCode;
        if (status >= 500)
        {
            return $"answered {status}: {Text(body)}";
        }

        if (fuzzCase.Status is { } expectedStatus && status != expectedStatus)
        {
            return $"answered {status}, expected {expectedStatus}: {Text(body)}";
        }

        if (fuzzCase.Expected == FuzzExpectation.Rejected)
        {
            if (status is < 400 or > 499)
            {
                return $"answered {status}, expected a 4xx: {Text(body)}";
            }

            // HEAD answers carry no body by definition; the status is all there is.
            if (fuzzCase.Request.Method == "HEAD")
            {
                return null;
            }

            return ReasonProblem(contentType, body);
        }

        if (status != 200)
        {
            return $"answered {status}, expected 200 with an ignored outcome: {Text(body)}";
        }

        var outcome = Property(body, "outcome");
        return outcome is "ignored" or "permanent" ? null : $"outcome '{outcome}', expected ignored or permanent: {Text(body)}";
    }

    private static string? ReasonProblem(string? contentType, byte[] body)
    {
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return $"rejection has content type '{contentType}', not application/json: {Text(body)}";
        }

        var error = Property(body, "error");
        if (string.IsNullOrWhiteSpace(error))
        {
            return $"rejection body has no 'error' reason: {Text(body)}";
        }

        if (error.Contains('\n', StringComparison.Ordinal) || error.Contains('\r', StringComparison.Ordinal))
        {
            return $"reason is not one line: {Text(body)}";
        }

        return error.Length > MaxReasonLength ? $"reason is {error.Length} characters long" : null;
    }

    private static string? Property(byte[] body, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= 400 ? text : text[..400] + "...";
    }
}
