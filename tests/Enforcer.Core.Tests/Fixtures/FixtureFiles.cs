using System.Text.Json;

namespace Enforcer.Core.Tests.Fixtures;

/// <summary>Finds the JSON fixtures copied beside the test assembly.</summary>
internal static class FixtureFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Case names (file name without .json) of the payload fixtures in a folder; each has a .expected.json twin.</summary>
    public static TheoryData<string> Cases(string folder) => [.. Names(folder)];

    public static string[] Names(string folder) =>
        [.. Directory.GetFiles(Path.Combine(Root, folder), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.EndsWith(".expected", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)!];

    public static byte[] Payload(string folder, string name) => File.ReadAllBytes(Path.Combine(Root, folder, name + ".json"));

    public static JsonDocument Expected(string folder, string name) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, folder, name + ".expected.json")));
}
