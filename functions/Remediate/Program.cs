using Enforcer.Functions.Remediate;

RemediateApp.Build(args).Run();
