using Enforcer.Rego.Compilation;
using Enforcer.Rego.Evaluation;
using Enforcer.Rego.Parsing;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Tests;

/// <summary>Compiles a policy and evaluates queries against it, failing the test on compile errors.</summary>
internal static class RegoTestHelper
{
    public static CompiledPolicySet Compile(string source, RegoVersion version = RegoVersion.V1)
    {
        var result = RegoCompiler.Compile("policy.rego", source, new RegoOptions { Version = version });
        Assert.True(result.Success, result.FormatDiagnostics());
        return result.PolicySet!;
    }

    /// <summary>Evaluates <c>x := QUERYREF</c>-style queries and returns the binding of <c>x</c> (null when undefined).</summary>
    public static Value? Eval(string source, string reference, string? inputJson = null, string? dataJson = null, EvalOptions? options = null)
    {
        var set = Compile(source);
        var result = set.Evaluate($"x := {reference}", inputJson is null ? null : RegoJson.Parse(inputJson), dataJson is null ? null : RegoJson.Parse(dataJson), options);
        Assert.Null(result.Error);
        return result.Bindings.Count == 0 ? null : result.Bindings[0]["x"];
    }
}
