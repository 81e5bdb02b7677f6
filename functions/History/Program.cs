using Enforcer.Core.History;
using Enforcer.Hosting;
using Enforcer.Hosting.Storage;

var builder = FunctionHost.CreateBuilder(args, "history");
builder.Services.AddEnforcerStore(builder.Configuration);
builder.Services.AddSingleton<HistoryService>();

var app = builder.Build();
app.UseFunctionDefaults();

app.MapGet("/v1/events", async context =>
{
    var query = context.Request.Query;
    var unknown = query.Keys.FirstOrDefault(k => k is not ("page_size" or "page_token" or "resource"));
    if (unknown is not null)
    {
        await ErrorResults.BadRequest($"unknown parameter '{unknown}'").ExecuteAsync(context);
        return;
    }

    var service = context.RequestServices.GetRequiredService<HistoryService>();
    var (response, error) = await service.ListEventsAsync(
        query["page_size"].FirstOrDefault(), query["page_token"].FirstOrDefault(), query["resource"].FirstOrDefault(), context.RequestAborted);
    await (error is not null
        ? ErrorResults.BadRequest(error)
        : Results.Json(response, HistoryJsonContext.Default.EventListResponse)).ExecuteAsync(context);
});

app.MapGet("/v1/events/{id}", async context =>
{
    var id = context.Request.RouteValues["id"] as string ?? string.Empty;
    if (id.Length is 0 or > 256 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
    {
        await ErrorResults.BadRequest("event id is malformed").ExecuteAsync(context);
        return;
    }

    var service = context.RequestServices.GetRequiredService<HistoryService>();
    var record = await service.GetEventAsync(id, context.RequestAborted);
    await (record is null
        ? ErrorResults.NotFound($"no event with id '{id}'")
        : Results.Json(record, HistoryJsonContext.Default.EventRecord)).ExecuteAsync(context);
});

app.Run();
