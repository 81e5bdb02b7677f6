using Enforcer.Core.AuditLogs;
using Enforcer.Core.Evaluation;
using Enforcer.Core.Processing;
using Enforcer.Hosting;
using Enforcer.Hosting.Inbound;
using Enforcer.Hosting.Storage;

var builder = FunctionHost.CreateBuilder(args, "evaluate");
builder.Services.AddInboundDecoder(PayloadShapes.Evaluate);
builder.Services.AddEnforcerStore(builder.Configuration);
builder.Services.AddSingleton(EventMapper.Default);
builder.Services.AddSingleton<IEventProcessor, EvaluationService>();

var app = builder.Build();
app.UseFunctionDefaults();
app.MapEventEndpoint();
app.Run();
