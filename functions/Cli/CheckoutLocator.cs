namespace Enforcer.Cli;

/// <summary>Finds the repository checkout (the folder holding Serverless.sln) so defaults such as policy/ and samples/ resolve from any subfolder.</summary>
internal static class CheckoutLocator
{
    public static string? Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>A folder of the checkout (e.g. "policy"), or null outside a checkout.</summary>
    public static string? Folder(string name) => Find() is { } root ? Path.Combine(root, name) : null;
}
