using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Data;
using BenefitsTracker.Ingestion;

namespace BenefitsTracker.Cli.Commands;

/// <summary>Runs a command's work and turns what went wrong into a message and an exit code.</summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> work, CancellationToken ct)
    {
        try
        {
            return await work(ct);
        }
        catch (UsageException e) { return Fail(ExitCodes.BadInput, e.Message); }
        catch (UnusableInputException e) { return Fail(ExitCodes.BadInput, e.Message); }
        catch (AssumptionsException e) { return Fail(ExitCodes.BadInput, e.Message); }
        catch (MethodException e) { return Fail(ExitCodes.BadInput, e.Message); }
        catch (OperationCanceledException) { return Fail(ExitCodes.Failed, "cancelled"); }
        catch (NotSupportedException e) { return Fail(ExitCodes.Failed, e.Message); }
        catch (BenefitsTracker.Reports.ReportOutputException e) { return Fail(ExitCodes.BadInput, e.Message); }
        catch (StoreUnavailableException e) { return Fail(e.IsUserError ? ExitCodes.BadInput : ExitCodes.Failed, e.Message); }
        catch (OutOfMemoryException)
        {
            // Nothing was committed (one transaction per file); say it in words, not as an exception's type name.
            return Fail(ExitCodes.Failed, "ran out of memory; nothing from the unfinished step was stored. Free memory (or raise the process's " +
                "limit, e.g. DOTNET_GCHeapHardLimit) and run the command again; files already reported as ingested are kept.");
        }
        catch (Exception e) when (StoreErrors.Describe(e, StorageOptions.Current, BenefitsStore.LockWait) is { } message)
        {
            // A lock held too long, a full disk: the user's to act on, not a bug, so no stack trace.
            return Fail(ExitCodes.Failed, message);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e);
            return Fail(ExitCodes.Failed, $"the work failed: {e.Message}");
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"benefits: {message}");
        return code;
    }
}
