using Enforcer.Functions.Evaluate;

EvaluateApp.Build(args).Run();
