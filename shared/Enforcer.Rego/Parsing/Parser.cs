using System.Globalization;
using Enforcer.Rego.Ast;
using Enforcer.Rego.Diagnostics;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Parsing;

/// <summary>
/// Hand-written recursive-descent parser for Rego (see GRAMMAR.md beside this file). It stops at the
/// first syntax error, which it reports as a diagnostic with location.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly string _file;
    private readonly string _source;
    private readonly RegoVersion _version;
    private int _pos;
    private int _nesting;
    private int _wildcards;
    private bool _kwIf;
    private bool _kwContains;
    private bool _kwIn;
    private bool _kwEvery;

    private Parser(string file, string source, List<Token> tokens, RegoVersion version)
    {
        _file = file;
        _source = source;
        _tokens = tokens;
        _version = version;
        var v1 = version == RegoVersion.V1;
        _kwIf = _kwContains = _kwIn = _kwEvery = v1;
    }

    /// <summary>Parses a module; returns null and adds diagnostics on a syntax error.</summary>
    public static Module? ParseModule(string file, string source, RegoVersion version, List<Diagnostic> diagnostics)
    {
        var lexer = new Lexer(file, source);
        var tokens = lexer.Tokenize();
        if (lexer.Errors.Count > 0)
        {
            var (message, span) = lexer.Errors[0];
            diagnostics.Add(new Diagnostic("rego_parse_error", message, span, LineOf(source, span)));
            return null;
        }

        var parser = new Parser(file, source, tokens, version);
        try
        {
            return parser.Module();
        }
        catch (ParseException ex)
        {
            diagnostics.Add(new Diagnostic("rego_parse_error", ex.Message, ex.Span, LineOf(source, ex.Span)));
            return null;
        }
    }

    /// <summary>Parses a query (a body without braces).</summary>
    public static Body? ParseQuery(string source, RegoVersion version, List<Diagnostic> diagnostics)
    {
        const string file = "query";
        var lexer = new Lexer(file, source);
        var tokens = lexer.Tokenize();
        if (lexer.Errors.Count > 0)
        {
            var (message, span) = lexer.Errors[0];
            diagnostics.Add(new Diagnostic("rego_parse_error", message, span, LineOf(source, span)));
            return null;
        }

        var parser = new Parser(file, source, tokens, RegoVersion.V1);
        _ = version;
        try
        {
            var body = parser.BodyUntil(TokenKind.EndOfFile);
            if (body.Literals.Length == 0)
            {
                throw new ParseException("empty query", parser.Current.Span);
            }

            return body;
        }
        catch (ParseException ex)
        {
            diagnostics.Add(new Diagnostic("rego_parse_error", ex.Message, ex.Span, LineOf(source, ex.Span)));
            return null;
        }
    }

    internal static string? LineOf(string source, SourceSpan span)
    {
        if (span.Start < 0 || span.Start > source.Length)
        {
            return null;
        }

        var start = span.Start - (span.Column - 1);
        if (start < 0)
        {
            start = 0;
        }

        var end = source.IndexOf('\n', start);
        return end < 0 ? source[start..] : source[start..end].TrimEnd('\r');
    }

    private Token Current => _tokens[_pos];

    /// <summary>A keyword directly followed by <c>.name</c> is a reference head (e.g. <c>if.foo</c>), as OPA allows.</summary>
    private bool NextIsRefDot() => Peek().Kind == TokenKind.Dot && !Peek().SpaceBefore && Peek(2).Kind == TokenKind.Identifier;

    private Token Peek(int offset = 1) => _tokens[Math.Min(_pos + offset, _tokens.Count - 1)];

    private Token Advance() => _tokens[_pos++ < _tokens.Count - 1 ? _pos - 1 : _tokens.Count - 1];

    private bool At(TokenKind kind) => Current.Kind == kind;

    private bool AtKeyword(string keyword) => Current.IsIdentifier(keyword) && IsKeywordEnabled(keyword);

    private bool IsKeywordEnabled(string keyword) => keyword switch
    {
        "if" => _kwIf,
        "contains" => _kwContains,
        "in" => _kwIn,
        "every" => _kwEvery,
        _ => true,
    };

    private Token Expect(TokenKind kind, string what)
    {
        if (!At(kind))
        {
            throw Error($"unexpected {Describe(Current)}, expected {what}");
        }

        return Advance();
    }

    private ParseException Error(string message) => new(message, Current.Span);

    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.EndOfFile => "eof token",
        TokenKind.Identifier => $"ident token '{token.Text}'",
        TokenKind.String => "string token",
        TokenKind.Number => "number token",
        _ => $"{token.Text} token",
    };

    private SourceSpan SpanFrom(SourceSpan start)
    {
        var last = _tokens[Math.Max(0, _pos - 1)].Span;
        return start with { End = Math.Max(start.End, last.End) };
    }

    private static bool IsReserved(string name) => name is "package" or "import" or "not" or "some" or "with" or "as" or "default" or "else" or "true" or "false" or "null";

    private Module Module()
    {
        var module = new Module(_file, _source);
        if (!Current.IsIdentifier("package"))
        {
            throw Error("package expected");
        }

        var packageToken = Advance();
        var packageRef = RefOnly();
        module.PackageSpan = packageToken.Span;
        module.Package = StaticPath(packageRef, skipRoot: false);

        while (Current.IsIdentifier("import") && !NextIsRefDot())
        {
            var start = Advance().Span;
            var path = RefOnly();
            string? alias = null;
            if (Current.IsIdentifier("as") && !Current.NewlineBefore)
            {
                Advance();
                alias = Expect(TokenKind.Identifier, "identifier").Text;
            }

            var refTerm = path as RefTerm ?? new RefTerm(path.Span, path, []);
            module.Imports.Add(new Import(SpanFrom(start), refTerm, alias));
            ApplyKeywordImport(refTerm, start);
        }

        module.IsV1 = _version == RegoVersion.V1 || module.Imports.Any(i => IsRegoV1(i.Path));
        while (!At(TokenKind.EndOfFile))
        {
            if (Current.IsIdentifier("import") && !NextIsRefDot())
            {
                throw Error("imports must appear before rules");
            }

            foreach (var rule in ParseRules(module))
            {
                rule.Module = module;
                module.Rules.Add(rule);
            }
        }

        return module;
    }

    private static bool IsRegoV1(RefTerm path) =>
        path.Head is VarTerm { Name: "rego" } && path.Path.Length == 1 && path.Path[0] is ScalarTerm { Value: StringValue { Value: "v1" } };

    private void ApplyKeywordImport(RefTerm path, SourceSpan span)
    {
        if (IsRegoV1(path))
        {
            _kwIf = _kwContains = _kwIn = _kwEvery = true;
            return;
        }

        if (path.Head is not VarTerm { Name: "future" } || path.Path.Length == 0 ||
            path.Path[0] is not ScalarTerm { Value: StringValue { Value: "keywords" } })
        {
            return;
        }

        if (path.Path.Length == 1)
        {
            _kwIf = _kwContains = _kwIn = _kwEvery = true;
            return;
        }

        switch ((path.Path[1] as ScalarTerm)?.Value is StringValue s ? s.Value : null)
        {
            case "if": _kwIf = true; break;
            case "contains": _kwContains = true; break;
            case "in": _kwIn = true; break;
            case "every": _kwEvery = true; _kwIn = true; break;
            default: throw new ParseException("invalid import, must be `future.keywords`, `future.keywords.if`, ...", span);
        }
    }

    private static string[] StaticPath(Term term, bool skipRoot)
    {
        var result = new List<string>();
        if (term is VarTerm v)
        {
            result.Add(v.Name);
        }
        else if (term is RefTerm r && r.Head is VarTerm head)
        {
            result.Add(head.Name);
            foreach (var p in r.Path)
            {
                if (p is ScalarTerm { Value: StringValue s })
                {
                    result.Add(s.Value);
                }
                else
                {
                    throw new ParseException("package path must contain only strings", p.Span);
                }
            }
        }
        else
        {
            throw new ParseException("invalid package path", term.Span);
        }

        return skipRoot ? result.Skip(1).ToArray() : [.. result];
    }

    /// <summary>A reference made of an identifier and . / [] parts (package and import paths, rule heads).</summary>
    private Term RefOnly()
    {
        var first = Expect(TokenKind.Identifier, "identifier");
        Term head = new VarTerm(first.Span, first.Text);
        var path = new List<Term>();
        while (true)
        {
            if (At(TokenKind.Dot) && !Current.SpaceBefore && Peek().Kind == TokenKind.Identifier && !Peek().SpaceBefore)
            {
                Advance();
                var id = Advance();
                path.Add(new ScalarTerm(id.Span, new StringValue(id.Text)) { FromDot = true });
            }
            else if (At(TokenKind.LeftBracket) && !Current.SpaceBefore)
            {
                Advance();
                _nesting++;
                path.Add(TermInfix());
                _nesting--;
                Expect(TokenKind.RightBracket, "]");
            }
            else
            {
                break;
            }
        }

        return path.Count == 0 ? head : new RefTerm(SpanFrom(first.Span), head, [.. path]);
    }

    private List<Rule> ParseRules(Module module)
    {
        var start = Current.Span;
        var isDefault = false;
        if (Current.IsIdentifier("default") && !NextIsRefDot())
        {
            Advance();
            isDefault = true;
        }

        if (!At(TokenKind.Identifier) || (IsReserved(Current.Text) && !NextIsRefDot()))
        {
            throw Error($"unexpected {Describe(Current)}, expected rule");
        }

        var rule = new Rule(start) { IsDefault = isDefault };
        var headRef = RefOnly();
        rule.HeadPath = headRef is RefTerm rr ? [rr.Head, .. rr.Path] : [headRef];

        if (At(TokenKind.LeftParen) && !Current.SpaceBefore)
        {
            Advance();
            _nesting++;
            var args = new List<Term>();
            while (!At(TokenKind.RightParen))
            {
                args.Add(TermInfix());
                if (!At(TokenKind.Comma))
                {
                    break;
                }

                Advance();
            }

            _nesting--;
            Expect(TokenKind.RightParen, ")");
            rule.Args = [.. args];
            rule.Kind = RuleKind.Function;
        }

        if (AtKeyword("contains") && !NextIsRefDot())
        {
            if (rule.Args is not null || isDefault)
            {
                throw Error("unexpected contains keyword");
            }

            Advance();
            rule.Kind = RuleKind.MultiValue;
            rule.Value = TermInfix();
        }
        else if (At(TokenKind.Assign) || At(TokenKind.Unify))
        {
            rule.IsAssign = Advance().Kind == TokenKind.Assign;
            rule.Value = TermInfix();
        }
        else if (isDefault)
        {
            throw Error("default rules must have a value");
        }
        else if (rule.Args is null && rule.HeadPath.Length == 2 && !(rule.HeadPath[1] is ScalarTerm { FromDot: true }) && !module.IsV1)
        {
            // v0: p[x] { ... } is a partial set.
            rule.Kind = RuleKind.MultiValue;
            rule.Value = rule.HeadPath[^1];
            rule.HeadPath = rule.HeadPath[..^1];
        }

        if (isDefault)
        {
            rule.Body = new Body(rule.Span, []);
            return [rule];
        }

        var rules = new List<Rule> { rule };
        rule.Body = RuleBody(rule, out var hasBody);
        if (hasBody)
        {
            var current = rule;
            while (Current.IsIdentifier("else") && !NextIsRefDot())
            {
                var elseStart = Advance().Span;
                var elseRule = new Rule(elseStart) { Kind = rule.Kind, HeadPath = rule.HeadPath, Args = rule.Args };
                if (At(TokenKind.Assign) || At(TokenKind.Unify))
                {
                    elseRule.IsAssign = Advance().Kind == TokenKind.Assign;
                    elseRule.Value = TermInfix();
                }

                elseRule.Body = RuleBody(elseRule, out _);
                current.Else = elseRule;
                current = elseRule;
            }

            // v0 allows further bodies for the same head: p { a } { b }.
            while (At(TokenKind.LeftBrace) && !module.IsV1)
            {
                var extra = new Rule(Current.Span)
                {
                    Kind = rule.Kind,
                    HeadPath = rule.HeadPath,
                    Args = rule.Args,
                    Value = rule.Value,
                    IsAssign = rule.IsAssign,
                };
                extra.Body = RuleBody(extra, out _);
                rules.Add(extra);
            }
        }

        return rules;
    }

    private Body RuleBody(Rule rule, out bool hasBody)
    {
        hasBody = true;
        if (AtKeyword("if") && !NextIsRefDot())
        {
            Advance();
            if (At(TokenKind.LeftBrace) && IsBraceBody())
            {
                return BracedBody();
            }

            var saved = _nesting;
            _nesting = 0;
            var literal = Literal();
            _nesting = saved;
            return new Body(literal.Span, [literal]);
        }

        if (At(TokenKind.LeftBrace) && !Current.NewlineBefore)
        {
            if (_version == RegoVersion.V1 && !_kwIfImplicitAllowed)
            {
                throw Error("`if` keyword is required before rule body");
            }

            return BracedBody();
        }

        hasBody = false;
        return new Body(rule.Span, []);
    }

    // Rego v1 files never allow `p { ... }` bodies.
    private bool _kwIfImplicitAllowed => _version == RegoVersion.V0;

    /// <summary>After <c>if</c>, a brace opens a body unless it is an object/set term followed by more expression.</summary>
    private bool IsBraceBody() => true;

    private Body BracedBody()
    {
        var open = Expect(TokenKind.LeftBrace, "{");
        var saved = _nesting;
        _nesting = 0;
        var body = BodyUntil(TokenKind.RightBrace);
        _nesting = saved;
        Expect(TokenKind.RightBrace, "}");
        if (body.Literals.Length == 0)
        {
            throw new ParseException("found empty body", open.Span);
        }

        return body;
    }

    private Body BodyUntil(TokenKind end)
    {
        var start = Current.Span;
        var literals = new List<Literal>();
        while (!At(end))
        {
            if (At(TokenKind.Semicolon))
            {
                Advance();
                continue;
            }

            if (literals.Count > 0 && !Current.NewlineBefore && !_tokens[_pos - 1].Is(TokenKind.Semicolon))
            {
                throw Error($"unexpected {Describe(Current)}");
            }

            literals.Add(Literal());
        }

        return new Body(SpanFrom(start), [.. literals]);
    }

    private Literal Literal()
    {
        var start = Current.Span;
        Literal literal;
        if (Current.IsIdentifier("some") && !NextIsRefDot())
        {
            Advance();
            literal = Some(start);
        }
        else if (AtKeyword("every") && !NextIsRefDot())
        {
            Advance();
            literal = Every(start);
        }
        else if (Current.IsIdentifier("not") && !NextIsRefDot())
        {
            Advance();
            literal = Expression(start);
            literal.Negated = true;
        }
        else
        {
            literal = Expression(start);
        }

        var modifiers = new List<WithModifier>();
        while (Current.IsIdentifier("with") && !NextIsRefDot())
        {
            var withStart = Advance().Span;
            var target = RefOnly();
            if (!Current.IsIdentifier("as"))
            {
                throw Error("expected as");
            }

            Advance();
            var value = TermInfix();
            modifiers.Add(new WithModifier(SpanFrom(withStart), target, value));
        }

        literal.With = [.. modifiers];
        return literal;
    }

    private Literal Some(SourceSpan start)
    {
        var terms = new List<Term> { TermRelation() };
        while (At(TokenKind.Comma))
        {
            Advance();
            terms.Add(TermRelation());
        }

        if (AtKeyword("in"))
        {
            if (terms.Count > 2)
            {
                throw Error("unexpected in keyword");
            }

            Advance();
            var collection = TermRelation();
            return terms.Count == 2
                ? new SomeInLiteral(SpanFrom(start), terms[0], terms[1], collection)
                : new SomeInLiteral(SpanFrom(start), null, terms[0], collection);
        }

        // `some x in xs` where the parser saw `x in xs` as a membership call (in enabled after vars).
        if (terms.Count is 1 or 2 && terms[^1] is CallTerm { Name: "internal.member_2" or "internal.member_3" } member)
        {
            var args = member.Args;
            return args.Length == 2
                ? (terms.Count == 2 ? new SomeInLiteral(SpanFrom(start), terms[0], args[0], args[1]) : new SomeInLiteral(SpanFrom(start), null, args[0], args[1]))
                : new SomeInLiteral(SpanFrom(start), args[0], args[1], args[2]);
        }

        var vars = new List<VarTerm>();
        foreach (var t in terms)
        {
            if (t is not VarTerm v)
            {
                throw new ParseException("expected var", t.Span);
            }

            vars.Add(v);
        }

        return new SomeDeclLiteral(SpanFrom(start), [.. vars]);
    }

    private EveryLiteral Every(SourceSpan start)
    {
        var first = TermRelationNoIn();
        Term? key = null;
        var value = first;
        if (At(TokenKind.Comma))
        {
            Advance();
            key = first;
            value = TermRelationNoIn();
        }

        if (!AtKeyword("in"))
        {
            throw Error("expected in keyword");
        }

        Advance();
        var domain = TermRelation();
        var body = BracedBody();
        return new EveryLiteral(SpanFrom(start), key, value, domain, body);
    }

    private Literal Expression(SourceSpan start)
    {
        var left = TermIn(keyValue: true);
        if (At(TokenKind.Assign) || At(TokenKind.Unify))
        {
            if (Current.NewlineBefore && _nesting == 0)
            {
                return new TermLiteral(SpanFrom(start), left);
            }

            var isAssign = Advance().Kind == TokenKind.Assign;
            var right = TermIn(keyValue: true);
            return new UnifyLiteral(SpanFrom(start), left, right, isAssign);
        }

        return new TermLiteral(SpanFrom(start), left);
    }

    private bool Continues => !(Current.NewlineBefore && _nesting == 0);

    /// <summary>Full infix term (used in lists, arguments, rule values): membership included.</summary>
    private Term TermInfix() => TermIn(keyValue: false);

    private Term TermIn(bool keyValue)
    {
        var start = _pos;
        var left = TermRelation();
        if (keyValue && At(TokenKind.Comma) && Continues)
        {
            var save = _pos;
            Advance();
            try
            {
                var middle = TermRelation();
                if (AtKeyword("in") && Continues)
                {
                    Advance();
                    var collection = TermRelation();
                    left = new CallTerm(SpanFrom(_tokens[start].Span), new VarTerm(left.Span, "internal.member_3"), [left, middle, collection]) { Name = "internal.member_3" };
                }
                else
                {
                    _pos = save;
                }
            }
            catch (ParseException)
            {
                _pos = save;
            }
        }

        while (AtKeyword("in") && Continues)
        {
            Advance();
            var collection = TermRelation();
            left = new CallTerm(SpanFrom(_tokens[start].Span), new VarTerm(left.Span, "internal.member_2"), [left, collection]) { Name = "internal.member_2" };
        }

        return left;
    }

    private Term TermRelationNoIn()
    {
        var saved = _kwIn;
        _kwIn = false;
        try
        {
            return TermRelation();
        }
        finally
        {
            _kwIn = saved;
        }
    }

    private Term TermRelation()
    {
        var left = TermOr();
        while (Continues)
        {
            var name = Current.Kind switch
            {
                TokenKind.Equal => "equal",
                TokenKind.NotEqual => "neq",
                TokenKind.Less => "lt",
                TokenKind.LessEqual => "lte",
                TokenKind.Greater => "gt",
                TokenKind.GreaterEqual => "gte",
                _ => null,
            };
            if (name is null)
            {
                break;
            }

            Advance();
            var right = TermOr();
            left = Infix(name, left, right);
        }

        return left;
    }

    private Term TermOr()
    {
        var left = TermAnd();
        while (At(TokenKind.Pipe) && Continues)
        {
            Advance();
            left = Infix("or", left, TermAnd());
        }

        return left;
    }

    private Term TermAnd()
    {
        var left = TermArith();
        while (At(TokenKind.Ampersand) && Continues)
        {
            Advance();
            left = Infix("and", left, TermArith());
        }

        return left;
    }

    private Term TermArith()
    {
        var left = TermFactor();
        while ((At(TokenKind.Plus) || At(TokenKind.Minus)) && Continues)
        {
            var name = Advance().Kind == TokenKind.Plus ? "plus" : "minus";
            left = Infix(name, left, TermFactor());
        }

        return left;
    }

    private Term TermFactor()
    {
        var left = Term();
        while ((At(TokenKind.Star) || At(TokenKind.Slash) || At(TokenKind.Percent)) && Continues)
        {
            var name = Advance().Kind switch
            {
                TokenKind.Star => "mul",
                TokenKind.Slash => "div",
                _ => "rem",
            };
            left = Infix(name, left, Term());
        }

        return left;
    }

    private static CallTerm Infix(string name, Term left, Term right) =>
        new(left.Span with { End = right.Span.End }, new VarTerm(left.Span, name), [left, right]) { Name = name };

    /// <summary>A primary term with its ref/call suffixes.</summary>
    private Term Term()
    {
        var token = Current;
        Term term;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                term = new ScalarTerm(token.Span, ParseNumber(token));
                break;
            case TokenKind.String:
            case TokenKind.RawString:
                Advance();
                term = new ScalarTerm(token.Span, new StringValue(token.Text));
                break;
            case TokenKind.Minus:
                Advance();
                if (At(TokenKind.Number) && !Current.SpaceBefore)
                {
                    var number = Advance();
                    term = new ScalarTerm(SpanFrom(token.Span), NumberValue.Negate(ParseNumber(number)));
                }
                else
                {
                    var operand = Term();
                    term = new CallTerm(SpanFrom(token.Span), new VarTerm(token.Span, "minus"), [new ScalarTerm(token.Span, NumberValue.Zero), operand]) { Name = "minus" };
                }

                break;
            case TokenKind.LeftBracket:
                term = ArrayOrComprehension();
                break;
            case TokenKind.LeftBrace:
                term = ObjectSetOrComprehension();
                break;
            case TokenKind.LeftParen:
                Advance();
                _nesting++;
                term = TermIn(keyValue: true);
                _nesting--;
                Expect(TokenKind.RightParen, ")");
                break;
            case TokenKind.Identifier:
                term = IdentifierTerm();
                break;
            default:
                throw Error($"unexpected {Describe(token)}");
        }

        return Suffixes(term);
    }

    private Term IdentifierTerm()
    {
        var refHead = NextIsRefDot();
        var token = Advance();
        switch (refHead ? string.Empty : token.Text)
        {
            case "true":
                return new ScalarTerm(token.Span, Value.True);
            case "false":
                return new ScalarTerm(token.Span, Value.False);
            case "null":
                return new ScalarTerm(token.Span, Value.Null);
            case "set" when At(TokenKind.LeftParen) && Peek().Kind == TokenKind.RightParen:
                Advance();
                Advance();
                return new SetTerm(SpanFrom(token.Span), []);
        }

        if (refHead || (token.Text == "contains" && At(TokenKind.LeftParen) && !Current.SpaceBefore))
        {
            // `if.foo` is a reference; `contains(...)` is the builtin, not the keyword.
            return new VarTerm(token.Span, token.Text);
        }

        if (IsReserved(token.Text) || (IsKeywordEnabled(token.Text) && token.Text is "if" or "contains" or "in" or "every"))
        {
            _pos--;
            throw Error($"unexpected {Describe(token)}");
        }

        var name = token.Text;
        if (name == "_")
        {
            name = "$wc" + (_wildcards++).ToString(CultureInfo.InvariantCulture);
        }

        return new VarTerm(token.Span, name);
    }

    private Term Suffixes(Term term)
    {
        var path = new List<Term>();
        var start = term.Span;
        while (true)
        {
            if (At(TokenKind.Dot) && !Current.SpaceBefore && Peek().Kind == TokenKind.Identifier && !Peek().SpaceBefore)
            {
                Advance();
                var id = Advance();
                path.Add(new ScalarTerm(id.Span, new StringValue(id.Text)));
            }
            else if (At(TokenKind.LeftBracket) && !Current.SpaceBefore)
            {
                Advance();
                _nesting++;
                path.Add(TermInfix());
                _nesting--;
                Expect(TokenKind.RightBracket, "]");
            }
            else if (At(TokenKind.LeftParen) && !Current.SpaceBefore && (term is VarTerm || term is RefTerm || path.Count > 0))
            {
                var function = path.Count == 0 ? term : new RefTerm(SpanFrom(start), term, [.. path]);
                path.Clear();
                Advance();
                _nesting++;
                var args = new List<Term>();
                while (!At(TokenKind.RightParen))
                {
                    args.Add(TermInfix());
                    if (!At(TokenKind.Comma))
                    {
                        break;
                    }

                    Advance();
                }

                _nesting--;
                Expect(TokenKind.RightParen, ")");
                term = new CallTerm(SpanFrom(start), function, [.. args]) { Name = CallName(function) };
            }
            else
            {
                break;
            }
        }

        return path.Count == 0 ? term : new RefTerm(SpanFrom(start), term, [.. path]);
    }

    private static string CallName(Term function)
    {
        if (function is VarTerm v)
        {
            return v.Name;
        }

        if (function is RefTerm r && r.Head is VarTerm head)
        {
            var parts = new List<string> { head.Name };
            foreach (var p in r.Path)
            {
                if (p is ScalarTerm { Value: StringValue s })
                {
                    parts.Add(s.Value);
                }
                else
                {
                    throw new ParseException("invalid function name", p.Span);
                }
            }

            return string.Join('.', parts);
        }

        throw new ParseException("invalid function name", function.Span);
    }

    private Term ArrayOrComprehension()
    {
        var open = Advance();
        _nesting++;
        try
        {
            if (At(TokenKind.RightBracket))
            {
                Advance();
                return new ArrayTerm(SpanFrom(open.Span), []);
            }

            var save = _pos;
            var head = TryTerm();
            if (head is not null && At(TokenKind.Pipe))
            {
                Advance();
                var body = ComprehensionBody(TokenKind.RightBracket);
                return new ComprehensionTerm(SpanFrom(open.Span), ComprehensionKind.Array, null, head, body);
            }

            _pos = save;
            var items = TermList(TokenKind.RightBracket);
            return new ArrayTerm(SpanFrom(open.Span), items);
        }
        finally
        {
            _nesting--;
        }
    }

    private Term ObjectSetOrComprehension()
    {
        var open = Advance();
        _nesting++;
        try
        {
            if (At(TokenKind.RightBrace))
            {
                Advance();
                return new ObjectTerm(SpanFrom(open.Span), []);
            }

            var save = _pos;
            var head = TryTerm();
            if (head is not null && At(TokenKind.Pipe))
            {
                Advance();
                var body = ComprehensionBody(TokenKind.RightBrace);
                return new ComprehensionTerm(SpanFrom(open.Span), ComprehensionKind.Set, null, head, body);
            }

            if (head is not null && At(TokenKind.Colon))
            {
                Advance();
                var valueSave = _pos;
                var value = TryTerm();
                if (value is not null && At(TokenKind.Pipe))
                {
                    Advance();
                    var body = ComprehensionBody(TokenKind.RightBrace);
                    return new ComprehensionTerm(SpanFrom(open.Span), ComprehensionKind.Object, head, value, body);
                }

                _ = valueSave;
            }

            _pos = save;
            var first = TermInfix();
            if (At(TokenKind.Colon))
            {
                var entries = new List<(Term, Term)>();
                Advance();
                entries.Add((first, TermInfix()));
                while (At(TokenKind.Comma))
                {
                    Advance();
                    if (At(TokenKind.RightBrace))
                    {
                        break;
                    }

                    var key = TermInfix();
                    Expect(TokenKind.Colon, ":");
                    entries.Add((key, TermInfix()));
                }

                Expect(TokenKind.RightBrace, "}");
                return new ObjectTerm(SpanFrom(open.Span), [.. entries]);
            }

            var items = new List<Term> { first };
            while (At(TokenKind.Comma))
            {
                Advance();
                if (At(TokenKind.RightBrace))
                {
                    break;
                }

                items.Add(TermInfix());
            }

            Expect(TokenKind.RightBrace, "}");
            return new SetTerm(SpanFrom(open.Span), [.. items]);
        }
        finally
        {
            _nesting--;
        }
    }

    private Term? TryTerm()
    {
        try
        {
            return Term();
        }
        catch (ParseException)
        {
            return null;
        }
    }

    private Body ComprehensionBody(TokenKind close)
    {
        var saved = _nesting;
        _nesting = 0;
        var body = BodyUntil(close);
        _nesting = saved;
        Expect(close, close == TokenKind.RightBracket ? "]" : "}");
        if (body.Literals.Length == 0)
        {
            throw Error("found empty body");
        }

        return body;
    }

    private Term[] TermList(TokenKind close)
    {
        var items = new List<Term>();
        while (!At(close))
        {
            items.Add(TermInfix());
            if (!At(TokenKind.Comma))
            {
                break;
            }

            Advance();
        }

        Expect(close, close == TokenKind.RightBracket ? "]" : "}");
        return [.. items];
    }

    private static NumberValue ParseNumber(Token token) =>
        NumberValue.TryParse(token.Text) ?? throw new ParseException("invalid number", token.Span);
}
