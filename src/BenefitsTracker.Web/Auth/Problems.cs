using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BenefitsTracker.Web.Auth;

/// <summary>Every error answer is ProblemDetails (RFC 9457) with a title and a detail that says what and where.</summary>
internal static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static ProblemHttpResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "This key may not do that", detail);

    public static ProblemHttpResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "The request cannot be used", detail);

    public static async Task Write(HttpContext context, int status, string title, string detail)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
