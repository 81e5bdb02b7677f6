using System.CommandLine;
using Enforcer.Policies;
using Enforcer.Policies.Docs;
using Enforcer.Policies.Embedded;

namespace Enforcer.Cli.Commands;

/// <summary>
/// `enforcer policies docs [--check]` regenerates docs/policies.md and `enforcer policies index [--check]` regenerates
/// policy/index/data.json, both from the policies' metadata; with --check they only compare and exit 1 when the
/// committed file differs, so neither can drift from the library.
/// </summary>
internal static class PoliciesCommand
{
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "Do not write; exit 1 when the page is out of date." };
        var policyDir = new Option<string?>("--policy-dir") { Description = "Policy directory (default: policy/ of the checkout)." };
        var output = new Option<string?>("--output") { Description = "Page to write (default: docs/policies.md of the checkout)." };
        var docs = new Command("docs", "Generate docs/policies.md from policy metadata.") { check, policyDir, output };
        docs.SetAction(parse => Generate(parse.GetValue(check), parse.GetValue(policyDir), parse.GetValue(output), index: false));
        var index = new Command("index", "Generate policy/index/data.json (type -> policy ids) from policy metadata.") { check, policyDir, output };
        index.SetAction(parse => Generate(parse.GetValue(check), parse.GetValue(policyDir), parse.GetValue(output), index: true));
        return new Command("policies", "Work with the Rego policy library.") { docs, index };
    }

    private static int Generate(bool check, string? policyDir, string? output, bool index)
    {
        var root = FindCheckout(Directory.GetCurrentDirectory());
        policyDir ??= root is null ? null : Path.Combine(root, "policy");
        output ??= root is null || policyDir is null ? null
            : index ? Path.Combine(policyDir, PolicyIndexGenerator.RelativePath) : Path.Combine(root, "docs", "policies.md");
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

        var page = index ? PolicyIndexGenerator.Generate(listing.Policies) : PolicyDocsGenerator.Generate(listing.Policies);
        var current = File.Exists(output) ? File.ReadAllText(output) : null;
        if (check)
        {
            if (current == page)
            {
                Console.WriteLine($"{output} is up to date ({listing.Policies.Count} policies).");
                return 0;
            }

            Console.Error.WriteLine($"{output} is out of date: run `enforcer policies {(index ? "index" : "docs")}`.");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
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
