using System.Text.Json;
using Enforcer.Rego.Compilation;
using Enforcer.Rego.Evaluation;
using Enforcer.Rego.Values;

namespace Enforcer.Policies.Embedded;

/// <summary>
/// <see cref="IPolicyEngine"/> over the in-process Rego engine. The bundle is compiled once; evaluation is
/// thread-safe (each call gets its own evaluator over the immutable compiled set).
/// </summary>
public sealed class EmbeddedPolicyEngine : IPolicyEngine
{
    /// <summary>The decisions entrypoint, as a data path.</summary>
    public const string DecisionsPath = "enforcer.decisions";

    /// <summary>The catalog entrypoint, as a data path.</summary>
    public const string CatalogPath = "enforcer.catalog";

    private readonly EvalOptions _options;
    private readonly Lazy<PolicyListing> _catalog;

    private EmbeddedPolicyEngine(CompiledPolicySet policies, Value data, TimeProvider timeProvider)
    {
        Policies = policies;
        Data = data;
        _options = new EvalOptions { TimeProvider = timeProvider };
        _catalog = new Lazy<PolicyListing>(ReadCatalog);
    }

    /// <summary>The compiled modules (for test runners).</summary>
    public CompiledPolicySet Policies { get; }

    /// <summary>The base data document.</summary>
    public Value Data { get; }

    /// <summary>Compiles a bundle; throws <see cref="InvalidOperationException"/> listing every diagnostic when it does not compile.</summary>
    public static EmbeddedPolicyEngine Load(PolicyBundle bundle, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var compiled = RegoCompiler.Compile(bundle.Modules);
        if (!compiled.Success)
        {
            throw new InvalidOperationException("The policy bundle does not compile:\n" + compiled.FormatDiagnostics());
        }

        return new EmbeddedPolicyEngine(compiled.PolicySet!, RegoJson.Parse(bundle.DataJson), timeProvider ?? TimeProvider.System);
    }

    /// <inheritdoc/>
    public Task<PolicyEvaluation> EvaluateAsync(PolicyInput input, CancellationToken cancellationToken) =>
        Task.FromResult(Evaluate(input, cancellationToken));

    /// <summary>Synchronous form of <see cref="EvaluateAsync"/>.</summary>
    public PolicyEvaluation Evaluate(PolicyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);

        // Input and decisions go straight between values and contract types (no JSON per evaluation).
        var result = Policies.EvaluatePath(DecisionsPath, DecisionValues.Input(input), Data, _options, cancellationToken);
        if (result.IsError)
        {
            return PolicyEvaluation.Failure(PolicyErrorKind.Permanent, $"policy evaluation failed: {result.Error}");
        }

        if (result.Value is null)
        {
            return PolicyEvaluation.Failure(PolicyErrorKind.Undefined, $"data.{DecisionsPath} is undefined (are the policies loaded?)");
        }

        if (DecisionValues.TryRead(result.Value, out var read))
        {
            return PolicyEvaluation.Success(read);
        }

        using var document = JsonDocument.Parse(RegoJson.Serialize(result.Value));
        return PolicyJson.TryReadDecisions(document.RootElement, out var decisions, out var error)
            ? PolicyEvaluation.Success(decisions)
            : PolicyEvaluation.Failure(PolicyErrorKind.Permanent, error);
    }

    /// <inheritdoc/>
    public Task<PolicyListing> ListPoliciesAsync(CancellationToken cancellationToken) => Task.FromResult(_catalog.Value);

    /// <summary>Evaluates any data path (e.g. <c>enforcer/decisions</c>) against a UTF-8 JSON input (or none).</summary>
    public DataQueryResult EvaluateData(string path, ReadOnlySpan<byte> inputJson, CancellationToken cancellationToken = default)
    {
        Value? input = inputJson.IsEmpty ? null : RegoJson.Parse(inputJson);
        var result = Policies.EvaluatePath(path, input, Data, _options, cancellationToken);
        if (result.IsError)
        {
            return new DataQueryResult(null, result.Error!.ToString());
        }

        return result.Value is null ? new DataQueryResult(null, null) : new DataQueryResult(RegoJson.Serialize(result.Value), null);
    }

    private PolicyListing ReadCatalog()
    {
        var result = EvaluateData(CatalogPath, default);
        if (result.Error is not null)
        {
            return PolicyListing.Failure(PolicyErrorKind.Permanent, result.Error);
        }

        if (result.Json is null)
        {
            return PolicyListing.Failure(PolicyErrorKind.Undefined, $"data.{CatalogPath} is undefined");
        }

        using var document = JsonDocument.Parse(result.Json);
        return PolicyJson.TryReadCatalog(document.RootElement, out var policies, out var error)
            ? PolicyListing.Success(policies)
            : PolicyListing.Failure(PolicyErrorKind.Permanent, error);
    }
}
