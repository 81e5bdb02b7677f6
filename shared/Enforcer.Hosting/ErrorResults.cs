using Enforcer.Hosting.Inbound;
using Microsoft.AspNetCore.Http;

namespace Enforcer.Hosting;

/// <summary>Error results with a one-line JSON reason, shared by the HTTP functions (reasons may quote the request, so they are cleaned).</summary>
public static class ErrorResults
{
    public static IResult BadRequest(string reason) =>
        Results.Json(new ErrorResponse(ReasonText.OneLine(reason)), HostingJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string reason) =>
        Results.Json(new ErrorResponse(ReasonText.OneLine(reason)), HostingJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status404NotFound);
}
