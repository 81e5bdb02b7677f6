using Enforcer.Functions.History;

HistoryApp.Build(args).Run();
