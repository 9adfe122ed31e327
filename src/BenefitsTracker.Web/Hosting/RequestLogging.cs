using System.Diagnostics;

namespace BenefitsTracker.Web.Hosting;

/// <summary>One structured log line per request: method, path, status, milliseconds, and the key's id when there is one.</summary>
internal static class RequestLogging
{
    public static IApplicationBuilder UseRequestLine(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("BenefitsTracker.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try { await next(context); }
            finally
            {
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                log.LogInformation("{Method} {Path} {Status} {ElapsedMs:0.0} ms key={KeyId}",
                    context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, ms,
                    context.User.FindFirst(Auth.KeyClaims.KeyId)?.Value ?? "-");
            }
        });
    }
}
