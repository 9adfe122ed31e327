using BenefitsTracker.Data;

namespace BenefitsTracker.Application.Jobs;

/// <summary>
/// refresh-rollups (docs/jobs.md): rebuilds the monthly rollups from the raw rows and reports every cell it had to
/// correct. It should find none; after a hand fix to raw rows it is the repair.
/// </summary>
internal sealed class RefreshRollupsJob(JobRunner runner)
{
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        await using var store = await runner.OpenAsync(ct);
        var d = await RollupRebuild.RunAsync(store.Db, ct);
        var summary = d.Total == 0
            ? "the rollups agree with the raw rows; nothing corrected"
            : $"corrected {d.Total} rollup cell{(d.Total == 1 ? "" : "s")} that disagreed with the raw rows (usage {d.Usage}, closed cases " +
                $"{d.ClosedCases}, open cases {d.OpenCases}): "
              + string.Join("; ", d.Examples);
        return new JobOutcome(summary, new Dictionary<string, long>
        {
            ["cells_corrected"] = d.Total, ["usage_cells"] = d.Usage, ["closed_case_cells"] = d.ClosedCases, ["open_case_cells"] = d.OpenCases,
        }, ChangedFigures: d.Total > 0);
    }
}
