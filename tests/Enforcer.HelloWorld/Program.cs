// The baseline the function hosts' cold start is compared with: the same slim builder and $PORT
// binding as FunctionHost, and one POST endpoint, with nothing else.
var builder = WebApplication.CreateSlimBuilder(args);
var port = Environment.GetEnvironmentVariable("PORT");
if (!string.IsNullOrEmpty(port) && int.TryParse(port, out var portNumber))
{
    builder.WebHost.UseUrls($"http://0.0.0.0:{portNumber}");
}

var app = builder.Build();
app.MapPost("/", () => Results.Ok());
app.MapGet("/healthz", () => Results.Ok());
app.Run();
