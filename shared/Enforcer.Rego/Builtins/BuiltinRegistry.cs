namespace Enforcer.Rego.Builtins;

/// <summary>
/// The one table of builtins. Each category lives in its own file as a part of this partial class and
/// implements one of the partial methods below; a category whose file does not exist yet simply
/// registers nothing (unimplemented partial methods are compiled away). See README.md beside this file.
/// </summary>
public static partial class BuiltinRegistry
{
    private static readonly Lazy<BuiltinTable> DefaultTable = new(CreateDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The table with every builtin this engine knows.</summary>
    public static BuiltinTable Default => DefaultTable.Value;

    private static BuiltinTable CreateDefault()
    {
        var builtins = new BuiltinTableBuilder();

        // Owned by the engine: operators the interpreter routes through builtins, and interpreter-aware builtins.
        RegisterOperators(builtins);
        RegisterInterpreter(builtins);

        // One category per file (Builtins/<Category>.cs).
        RegisterAggregates(builtins);
        RegisterArrays(builtins);
        RegisterBits(builtins);
        RegisterCasts(builtins);
        RegisterCrypto(builtins);
        RegisterEncoding(builtins);
        RegisterGlob(builtins);
        RegisterGraph(builtins);
        RegisterJson(builtins);
        RegisterNet(builtins);
        RegisterNumbers(builtins);
        RegisterObjects(builtins);
        RegisterRegex(builtins);
        RegisterSemver(builtins);
        RegisterSets(builtins);
        RegisterStrings(builtins);
        RegisterTime(builtins);
        RegisterTypes(builtins);
        RegisterUnits(builtins);
        RegisterMisc(builtins);

        return builtins.Build();
    }

    static partial void RegisterOperators(BuiltinTableBuilder builtins);

    static partial void RegisterInterpreter(BuiltinTableBuilder builtins);

    static partial void RegisterAggregates(BuiltinTableBuilder builtins);

    static partial void RegisterArrays(BuiltinTableBuilder builtins);

    static partial void RegisterBits(BuiltinTableBuilder builtins);

    static partial void RegisterCasts(BuiltinTableBuilder builtins);

    static partial void RegisterCrypto(BuiltinTableBuilder builtins);

    static partial void RegisterEncoding(BuiltinTableBuilder builtins);

    static partial void RegisterGlob(BuiltinTableBuilder builtins);

    static partial void RegisterGraph(BuiltinTableBuilder builtins);

    static partial void RegisterJson(BuiltinTableBuilder builtins);

    static partial void RegisterNet(BuiltinTableBuilder builtins);

    static partial void RegisterNumbers(BuiltinTableBuilder builtins);

    static partial void RegisterObjects(BuiltinTableBuilder builtins);

    static partial void RegisterRegex(BuiltinTableBuilder builtins);

    static partial void RegisterSemver(BuiltinTableBuilder builtins);

    static partial void RegisterSets(BuiltinTableBuilder builtins);

    static partial void RegisterStrings(BuiltinTableBuilder builtins);

    static partial void RegisterTime(BuiltinTableBuilder builtins);

    static partial void RegisterTypes(BuiltinTableBuilder builtins);

    static partial void RegisterUnits(BuiltinTableBuilder builtins);

    static partial void RegisterMisc(BuiltinTableBuilder builtins);
}
