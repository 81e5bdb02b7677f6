using BenchmarkDotNet.Running;

// Each suite is a class in this assembly; pick with --filter.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
