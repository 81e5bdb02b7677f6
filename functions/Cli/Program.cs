using Enforcer.Cli;

return await CliApp.RunAsync(args, CliConsole.ForProcess());
