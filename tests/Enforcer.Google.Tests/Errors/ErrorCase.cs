using System.Net;
using System.Text;
using System.Text.Json;

namespace Enforcer.Google.Tests.Errors;

/// <summary>One captured error response from Fixtures/errors and how it must be classified.</summary>
public sealed class ErrorCase
{
    private ErrorCase(string name, JsonElement root)
    {
        Name = name;
        HttpStatus = (HttpStatusCode)root.GetProperty("httpStatus").GetInt32();
        Body = root.TryGetProperty("body", out var body) ? body.GetRawText() : root.GetProperty("bodyText").GetString()!;
        ExpectedStatus = root.GetProperty("expectedStatus").GetString()!;
        Transient = root.GetProperty("transient").GetBoolean();
        WriteOutcome = root.GetProperty("writeOutcome").GetString()!;
    }

    public string Name { get; }

    public HttpStatusCode HttpStatus { get; }

    public string Body { get; }

    public string ExpectedStatus { get; }

    public bool Transient { get; }

    /// <summary>A WriteStatus name, or "throws" when a write must raise GoogleApiException.</summary>
    public string WriteOutcome { get; }

    public static TheoryData<string> Names() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "errors"), "*.json").Select(Path.GetFileNameWithoutExtension).Order()!);

    public static ErrorCase Load(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "errors", name + ".json")));
        return new ErrorCase(name, json.RootElement.Clone());
    }

    public HttpResponseMessage ToResponse() => new(HttpStatus) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
}
