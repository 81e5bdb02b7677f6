namespace Enforcer.Policies.Tests.Support;

/// <summary>Finds the checkout (the directory holding Serverless.sln) from the test binary's location.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Serverless.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string PolicyDirectory => Path.Combine(Root, "policy");

    public static string PoliciesDoc => Path.Combine(Root, "docs", "policies.md");

    public static string Fixtures(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
