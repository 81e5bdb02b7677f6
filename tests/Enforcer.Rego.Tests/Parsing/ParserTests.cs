using Enforcer.Rego.Ast;
using Enforcer.Rego.Diagnostics;
using Enforcer.Rego.Parsing;

namespace Enforcer.Rego.Tests.Parsing;

public class ParserTests
{
    private static Module Parse(string source, RegoVersion version = RegoVersion.V1)
    {
        var diagnostics = new List<Diagnostic>();
        var module = Parser.ParseModule("p.rego", source, version, diagnostics);
        Assert.True(module is not null, string.Join("\n", diagnostics));
        return module!;
    }

    [Fact]
    public void ParseModule_V1Rules_RecognisesKinds()
    {
        var module = Parse("""
            package a.b
            import rego.v1
            default allow := false
            allow if input.x == 1
            deny contains msg if { msg := "no" }
            obj[k] := v if { some k, v in input.o }
            f(x) := y if y := x + 1
            """);
        Assert.Equal(["a", "b"], module.Package);
        Assert.Equal(5, module.Rules.Count);
        Assert.True(module.Rules[0].IsDefault);
        Assert.Equal(RuleKind.MultiValue, module.Rules[2].Kind);
        Assert.Equal(RuleKind.SingleValue, module.Rules[3].Kind);
        Assert.Equal(RuleKind.Function, module.Rules[4].Kind);
    }

    [Fact]
    public void ParseModule_V0PartialSet_IsMultiValue()
    {
        var module = Parse("package a\np[x] { x := 1 }\nq { true }\n", RegoVersion.V0);
        Assert.Equal(RuleKind.MultiValue, module.Rules[0].Kind);
        Assert.Equal(RuleKind.SingleValue, module.Rules[1].Kind);
    }

    [Fact]
    public void ParseModule_V1BodyWithoutIf_IsError()
    {
        var diagnostics = new List<Diagnostic>();
        var module = Parser.ParseModule("p.rego", "package a\np { true }\n", RegoVersion.V1, diagnostics);
        Assert.Null(module);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(2, diagnostic.Span.Line);
        Assert.Contains("`if` keyword is required", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseModule_ElseChainAndComprehensions_AreParsed()
    {
        var module = Parse("""
            package a
            r := 1 if input.a else := 2 if input.b else := 3
            s := {x | some x in [1, 2]}
            t := [y | y := input.z[_]]
            u := {k: v | some k, v in {"a": 1}}
            """);
        var r = module.Rules[0];
        Assert.NotNull(r.Else);
        Assert.NotNull(r.Else!.Else);
        Assert.IsType<ComprehensionTerm>(module.Rules[1].Value);
        Assert.Equal(ComprehensionKind.Object, ((ComprehensionTerm)module.Rules[3].Value!).Kind);
    }

    [Fact]
    public void ParseModule_EveryNode_HasSourceSpan()
    {
        var module = Parse("package a\n\nok if {\n  every x in input.xs { x > 0 }\n}\n");
        var literal = Assert.IsType<EveryLiteral>(module.Rules[0].Body.Literals[0]);
        Assert.Equal(4, literal.Span.Line);
        Assert.Equal(3, literal.Span.Column);
        Assert.Equal(4, literal.Domain.Span.Line);
    }

    [Theory]
    [InlineData("package a\np := [1, 2", "unexpected eof token")]
    [InlineData("package a\np := )", "unexpected ) token")]
    [InlineData("p := 1", "package expected")]
    public void ParseModule_SyntaxErrors_ReportLocation(string source, string expected)
    {
        var diagnostics = new List<Diagnostic>();
        Assert.Null(Parser.ParseModule("bad.rego", source, RegoVersion.V1, diagnostics));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.rego:", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains("^", diagnostic.ToString(), StringComparison.Ordinal);
    }
}
