using Enforcer.Rego.Evaluation;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Tests.Evaluation;

public class EvaluatorTests
{
    [Theory]
    [InlineData("p := 1 + 2 * 3", "7")]
    [InlineData("p := 10 / 4", "2.5")]
    [InlineData("p := 1 == 1.0", "true")]
    [InlineData("p := 100000000000000000000 + 1", "100000000000000000001")]
    [InlineData("p := {1, 2} | {3}", "[1,2,3]")]
    [InlineData("p := [x | some x in [3, 1, 2]; x > 1]", "[3,2]")]
    [InlineData("p := {k: v | some k, v in {\"a\": 1, \"b\": 2}; v > 1}", "{\"b\":2}")]
    [InlineData("p := count([1, 2, 3])", "3")]
    [InlineData("p := 2 in {1, 2}", "true")]
    public void Evaluate_Expressions_GiveOpaResults(string rule, string expectedJson)
    {
        var value = RegoTestHelper.Eval($"package t\n{rule}\n", "data.t.p");
        Assert.NotNull(value);
        Assert.Equal(RegoJson.Parse(expectedJson), RegoJson.Parse(value!.ToJson()));
    }

    [Fact]
    public void Evaluate_PartialSetAndObject_CollectAllSolutions()
    {
        const string policy = """
            package t
            deny contains msg if {
                some b in input.buckets
                not b.versioning
                msg := sprintf("%s: versioning off", [b.name])
            }
            sizes[b.name] := b.size if some b in input.buckets
            """;
        const string input = """{"buckets": [{"name": "a", "size": 1, "versioning": true}, {"name": "b", "size": 2}]}""";
        Assert.Equal(SetValue.Create([Value.From("b: versioning off")]), RegoTestHelper.Eval(policy, "data.t.deny", input));
        Assert.Equal(RegoJson.Parse("""{"a":1,"b":2}"""), RegoTestHelper.Eval(policy, "data.t.sizes", input));
    }

    [Fact]
    public void Evaluate_DefaultAndElse_FollowOrder()
    {
        const string policy = """
            package t
            default allow := false
            allow if input.role == "admin"
            level := "high" if input.score > 8 else := "mid" if input.score > 4 else := "low"
            """;
        Assert.Equal(Value.False, RegoTestHelper.Eval(policy, "data.t.allow", """{"role": "dev"}"""));
        Assert.Equal(Value.True, RegoTestHelper.Eval(policy, "data.t.allow", """{"role": "admin"}"""));
        Assert.Equal(Value.From("mid"), RegoTestHelper.Eval(policy, "data.t.level", """{"score": 5}"""));
        Assert.Equal(Value.From("low"), RegoTestHelper.Eval(policy, "data.t.level", """{"score": 1}"""));
    }

    [Fact]
    public void Evaluate_UndefinedVersusFalse_AreDistinct()
    {
        const string policy = "package t\np if input.missing == 1\nq := false\n";
        Assert.Null(RegoTestHelper.Eval(policy, "data.t.p", "{}"));
        Assert.Equal(Value.False, RegoTestHelper.Eval(policy, "data.t.q", "{}"));
    }

    [Fact]
    public void Evaluate_WithModifiers_ReplaceInputDataAndFunctions()
    {
        const string policy = """
            package t
            f(x) := x * 2
            g(x) := x * 3
            p := input.v
            q := data.cfg.limit
            r := f(2)
            a := y if y := p with input.v as 7
            b := y if y := q with data.cfg.limit as 9
            c := y if y := r with f as g
            d := y if y := r with f as 100
            """;
        Assert.Equal(Value.From(7), RegoTestHelper.Eval(policy, "data.t.a", "{}"));
        Assert.Equal(Value.From(9), RegoTestHelper.Eval(policy, "data.t.b", "{}", """{"cfg": {"limit": 1}}"""));
        Assert.Equal(Value.From(6), RegoTestHelper.Eval(policy, "data.t.c"));
        Assert.Equal(Value.From(100), RegoTestHelper.Eval(policy, "data.t.d"));
    }

    [Fact]
    public void Evaluate_Every_RequiresAllElements()
    {
        const string policy = "package t\nok if every x in input.xs { x > 0 }\n";
        Assert.Equal(Value.True, RegoTestHelper.Eval(policy, "data.t.ok", """{"xs": [1, 2]}"""));
        Assert.Null(RegoTestHelper.Eval(policy, "data.t.ok", """{"xs": [1, -2]}"""));
        Assert.Equal(Value.True, RegoTestHelper.Eval(policy, "data.t.ok", """{"xs": []}"""));
    }

    [Fact]
    public void Evaluate_QueryWithUnification_ReturnsAllBindings()
    {
        var set = RegoTestHelper.Compile("package t\nxs := [\"a\", \"b\"]\n");
        var result = set.Evaluate("data.t.xs[i] = v", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(result.Error);
        Assert.Equal(2, result.Bindings.Count);
        Assert.Equal(Value.From(1), result.Bindings[1]["i"]);
        Assert.Equal(Value.From("b"), result.Bindings[1]["v"]);
    }

    [Fact]
    public void Evaluate_StrictBuiltinErrors_TurnUndefinedIntoError()
    {
        var set = RegoTestHelper.Compile("package t\np := 1 / input.zero\n");
        var input = RegoJson.Parse("""{"zero": 0}""");
        Assert.True(set.Evaluate("x := data.t.p", input, cancellationToken: TestContext.Current.CancellationToken).IsUndefined);
        var strict = set.Evaluate("x := data.t.p", input, null, new EvalOptions { StrictBuiltinErrors = true }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("eval_builtin_error", strict.Error?.Code);
        Assert.Contains("div: divide by zero", strict.Error!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("policy.rego:2:", strict.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PrintAndTrace_GoToSink()
    {
        var lines = new List<string>();
        var set = RegoTestHelper.Compile("package t\np if {\n  print(\"value\", input.x, input.nope)\n  trace(\"here\")\n}\n");
        var result = set.EvaluatePath("data.t.p", RegoJson.Parse("""{"x": [1]}"""), null, new EvalOptions { PrintSink = lines.Add }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Value.True, result.Value);
        Assert.Equal(["value [1] <undefined>", "here"], lines);
    }

    [Fact]
    public void Evaluate_ManyThreads_SameCompiledSetGivesSameAnswers()
    {
        var set = RegoTestHelper.Compile("package t\ndeny contains n if { some n in input.xs; n % 2 == 0 }\n");
        var failures = 0;
        Parallel.For(0, 200, i =>
        {
            var input = RegoJson.Parse($$"""{"xs": [{{i}}, {{i + 1}}]}""");
            var value = set.EvaluatePath("data.t.deny", input, cancellationToken: TestContext.Current.CancellationToken).Value as SetValue;
            var expected = i % 2 == 0 ? i : i + 1;
            if (value is null || value.Count != 1 || !value.Contains(Value.From(expected)))
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }
}
