using Enforcer.Core.Processing;
using Enforcer.Core.Remediation;
using Enforcer.Hosting;
using Enforcer.Hosting.Inbound;
using Enforcer.Hosting.Storage;

var builder = FunctionHost.CreateBuilder(args, "remediate");
builder.Services.AddInboundDecoder(PayloadShapes.Remediate);
builder.Services.AddEnforcerStore(builder.Configuration);
builder.Services.AddSingleton<IEventProcessor, RemediationIntake>();

var app = builder.Build();
app.UseFunctionDefaults();
app.MapEventEndpoint();
app.Run();
