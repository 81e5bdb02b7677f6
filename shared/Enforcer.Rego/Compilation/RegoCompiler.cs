using Enforcer.Rego.Ast;
using Enforcer.Rego.Builtins;
using Enforcer.Rego.Diagnostics;
using Enforcer.Rego.Parsing;

namespace Enforcer.Rego.Compilation;

/// <summary>Entry point: compile Rego files once into an immutable, thread-safe <see cref="CompiledPolicySet"/>.</summary>
public static class RegoCompiler
{
    /// <summary>Parses and compiles the files; diagnostics (with file:line:col) explain any failure.</summary>
    public static CompileResult Compile(IEnumerable<(string FileName, string Source)> files, RegoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= RegoOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var modules = new List<Module>();
        foreach (var (fileName, source) in files)
        {
            var module = Parser.ParseModule(fileName, source, options.Version, diagnostics);
            if (module is not null)
            {
                modules.Add(module);
            }
        }

        if (diagnostics.Count > 0)
        {
            return new CompileResult(null, diagnostics);
        }

        var compiler = new Compiler(options.Builtins ?? BuiltinRegistry.Default);
        try
        {
            compiler.CompileModules(modules);
        }
        catch (ParseException ex)
        {
            compiler.Error("rego_compile_error", ex.Message, ex.Span);
        }

        if (compiler.Diagnostics.Count > 0)
        {
            return new CompileResult(null, compiler.Diagnostics);
        }

        var program = new PolicyProgram(compiler.Root, compiler.Builtins);
        return new CompileResult(new CompiledPolicySet(program, compiler, modules, options), []);
    }

    /// <summary>Convenience overload for a single file.</summary>
    public static CompileResult Compile(string fileName, string source, RegoOptions? options = null) =>
        Compile([(fileName, source)], options);
}
