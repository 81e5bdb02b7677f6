namespace Enforcer.TestSupport;

/// <summary>Paths in the checkout a test or bench binary was built from.</summary>
public static class Checkout
{
    /// <summary>The folder holding Serverless.sln, found upwards from the running binary.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root (Serverless.sln) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// functions/NAME/bin/CONFIG/TFM/Enforcer.Functions.NAME.dll, built with the running binary's configuration and
    /// target framework; throws with a hint when it is not built.
    /// </summary>
    public static string FunctionAssembly(string function)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var path = Path.Combine(Root(), "functions", function, "bin", configuration, output.Name, $"Enforcer.Functions.{function}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"functions/{function} is not built (dotnet build functions/{function} -c {configuration})", path);
    }
}
