namespace Enforcer.Functions.Tests;

/// <summary>Reads captured payloads from the Fixtures folder copied beside the test assembly.</summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
