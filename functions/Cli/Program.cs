using System.CommandLine;
using Enforcer.Cli.Commands;

// Each command lives in Commands/<Name>Command.cs and exposes Create(); list it here.
var root = new RootCommand("Real-time policy enforcement for Google Cloud: local tools.")
{
    VersionCommand.Create(),
    PoliciesCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
