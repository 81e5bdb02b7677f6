using Enforcer.Rego.Compilation;
using Enforcer.Rego.Evaluation;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Tests.Evaluation;

/// <summary>Broken policies end in a diagnostic or an error with a location: never a crash or a hang.</summary>
public class BadPolicyTests
{
    [Theory]
    [InlineData("package t\np if {\n  x := [1, 2\n}\n", "rego_parse_error", 4)]
    [InlineData("package t\np if {\n  y > 1\n}\n", "rego_unsafe_var_error", 3)]
    [InlineData("package t\np := x if input.a\n", "rego_unsafe_var_error", 2)]
    [InlineData("package t\np if q\nq if p\n", "rego_recursion_error", 2)]
    [InlineData("package t\nf(x) := f(x)\n", "rego_recursion_error", 2)]
    [InlineData("package t\np := 1\np contains 2\n", "rego_type_error", 2)]
    [InlineData("package t\ndefault p := 1\ndefault p := 2\n", "rego_type_error", 3)]
    [InlineData("package t\np := nosuch.func(1)\n", "rego_type_error", 2)]
    [InlineData("package t\np if {\n  x := 1\n  x := 2\n}\n", "rego_compile_error", 4)]
    public void Compile_BadPolicy_ReportsDiagnosticWithLocation(string source, string code, int line)
    {
        var result = RegoCompiler.Compile("bad.rego", source);
        Assert.False(result.Success);
        var diagnostic = result.Diagnostics[0];
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(line, diagnostic.Span.Line);
        var text = diagnostic.ToString();
        Assert.StartsWith($"bad.rego:{line}:", text, StringComparison.Ordinal);
        Assert.Contains("\n\t", text, StringComparison.Ordinal);
        Assert.EndsWith("^", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ConflictingCompleteRules_IsConflictError()
    {
        var set = RegoTestHelper.Compile("package t\np := 1 if input.a\np := 2 if input.b\n");
        var result = set.EvaluatePath("data.t.p", RegoJson.Parse("""{"a": true, "b": true}"""), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("eval_conflict_error", result.Error?.Code);
        Assert.Contains("complete rules must not produce multiple outputs", result.Error!.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Error.Span);
    }

    [Fact]
    public void Evaluate_ConflictingObjectKeys_IsConflictError()
    {
        var set = RegoTestHelper.Compile("package t\nm[k] := v if { some k, v in {\"a\": 1}; v > 0 }\nm[k] := 2 if k := \"a\"\n");
        var result = set.EvaluatePath("data.t.m", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("eval_conflict_error", result.Error?.Code);
    }

    [Fact]
    public void Evaluate_RunawayIteration_StopsAtStepLimit()
    {
        var set = RegoTestHelper.Compile("package t\nn := count([1 | input.xs[_]; input.xs[_]; input.xs[_]; input.xs[_]])\n");
        var input = RegoJson.Parse("{\"xs\": [" + string.Join(",", Enumerable.Range(0, 200)) + "]}");
        var options = new EvalOptions { Limits = new EvalLimits { MaxSteps = 100_000 } };
        var result = set.EvaluatePath("data.t.n", input, null, options, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("eval_limit_error", result.Error?.Code);
        Assert.Contains("step limit", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Error.Span?.Line);
    }

    [Fact]
    public void Evaluate_RunawayIteration_StopsAtTimeLimit()
    {
        var set = RegoTestHelper.Compile("package t\nn := count([1 | input.xs[_]; input.xs[_]; input.xs[_]; input.xs[_]])\n");
        var input = RegoJson.Parse("{\"xs\": [" + string.Join(",", Enumerable.Range(0, 200)) + "]}");
        var options = new EvalOptions { Limits = new EvalLimits { MaxDuration = TimeSpan.FromMilliseconds(50) } };
        var result = set.EvaluatePath("data.t.n", input, null, options, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("eval_limit_error", result.Error?.Code);
        Assert.Contains("time limit", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Cancelled_ReturnsCancelError()
    {
        var set = RegoTestHelper.Compile("package t\nn := count([1 | input.xs[_]; input.xs[_]; input.xs[_]])\n");
        var input = RegoJson.Parse("{\"xs\": [" + string.Join(",", Enumerable.Range(0, 300)) + "]}");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var result = set.EvaluatePath("data.t.n", input, null, null, cancellation.Token);
        Assert.Equal("eval_cancel_error", result.Error?.Code);
    }

    [Fact]
    public void Evaluate_BadQuery_ReturnsErrorNotException()
    {
        var set = RegoTestHelper.Compile("package t\np := 1\n");
        Assert.Equal("rego_parse_error", set.Evaluate("x := [", cancellationToken: TestContext.Current.CancellationToken).Error?.Code);
        Assert.Equal("rego_unsafe_var_error", set.Evaluate("x > 1", cancellationToken: TestContext.Current.CancellationToken).Error?.Code);
    }
}
