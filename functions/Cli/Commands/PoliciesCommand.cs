using System.CommandLine;
using Enforcer.Policies.Docs;
using Enforcer.Policies.Embedded;

namespace Enforcer.Cli.Commands;

/// <summary>
/// `enforcer policies docs [--check]`: regenerates docs/policies.md from the policies' metadata (or, with --check,
/// fails when the committed page differs), so the page cannot drift from the library.
/// </summary>
internal static class PoliciesCommand
{
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "Do not write; exit 1 when the page is out of date." };
        var policyDir = new Option<string?>("--policy-dir") { Description = "Policy directory (default: policy/ of the checkout)." };
        var output = new Option<string?>("--output") { Description = "Page to write (default: docs/policies.md of the checkout)." };
        var docs = new Command("docs", "Generate docs/policies.md from policy metadata.") { check, policyDir, output };
        docs.SetAction(parse => Docs(parse.GetValue(check), parse.GetValue(policyDir), parse.GetValue(output)));
        return new Command("policies", "Work with the Rego policy library.") { docs };
    }

    private static int Docs(bool check, string? policyDir, string? output)
    {
        var root = FindCheckout(Directory.GetCurrentDirectory());
        policyDir ??= root is null ? null : Path.Combine(root, "policy");
        output ??= root is null ? null : Path.Combine(root, "docs", "policies.md");
        if (policyDir is null || output is null)
        {
            Console.Error.WriteLine("Not inside the checkout (no Serverless.sln above the current directory): pass --policy-dir and --output.");
            return 2;
        }

        var engine = EmbeddedPolicyEngine.Load(PolicyBundle.FromDirectory(policyDir));
        var listing = engine.ListPoliciesAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (!listing.IsSuccess)
        {
            Console.Error.WriteLine($"Could not read the policy catalog: {listing.Error!.Message}");
            return 2;
        }

        var page = PolicyDocsGenerator.Generate(listing.Policies);
        var current = File.Exists(output) ? File.ReadAllText(output) : null;
        if (check)
        {
            if (current == page)
            {
                Console.WriteLine($"{output} is up to date ({listing.Policies.Count} policies).");
                return 0;
            }

            Console.Error.WriteLine($"{output} is out of date: run `enforcer policies docs`.");
            return 1;
        }

        File.WriteAllText(output, page);
        Console.WriteLine($"Wrote {output} ({listing.Policies.Count} policies).");
        return 0;
    }

    private static string? FindCheckout(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
