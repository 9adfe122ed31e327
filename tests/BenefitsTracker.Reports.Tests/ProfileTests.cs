using System.Diagnostics;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Workbook;
using BenefitsTracker.TestSupport;
using Xunit.Abstractions;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// How ClosedXML copes with big detail sheets (docs/reports.md). Run with BT_MEASURE=1; it takes a while.
/// Rows grow with services × months × grades (rollups), never with raw events.
/// </summary>
public class ProfileTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(200, 5)]
    [InlineData(400, 10)]
    public void Measure_the_workbook_for_a_council_with_many_services(int services, int grades)
    {
        if (Environment.GetEnvironmentVariable("BT_MEASURE") != "1") return;
        var b = new CouncilBuilder();
        var json = new System.Text.StringBuilder("{\"version\":\"m\",\"unit_costs_gbp\":{\"web\":0.15,\"phone\":2.83,\"face_to_face\":8.62},\"officer_hourly_cost_gbp\":{\"default\":30},\"services\":{");
        for (var s = 0; s < services; s++)
        {
            var name = $"svc-{s}";
            json.Append(s == 0 ? "" : ",").Append($"\"{name}\":{{\"go_live\":\"2023-01\",\"baseline\":{{\"from\":\"2022-01\",\"to\":\"2022-12\"}}}}");
            b.VolumeEachMonth(name, "web", "2022-01", "2025-12", 100 + s).VolumeEachMonth(name, "phone", "2022-01", "2025-12", 50);
            for (var g = 0; g < grades; g++) b.ClosedEachMonth(name, "2022-01", "2025-12", 10 + g, 5, "G" + g);
        }
        json.Append("}}");
        var request = new ReportRequest(new Core.Domain.Month(2023, 1), new Core.Domain.Month(2025, 12));
        var result = SavingsEngine.ComputeCouncil(b.Build(), null, AssumptionSet.Parse(json.ToString()), request, CouncilBuilder.NoLineage());
        var officerRows = result.Services.Sum(s => s.OfficerTime.Count);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        using var dir = new TempDir();
        SavingsWorkbook.Write(result, dir.File("savings.xlsx"));
        sw.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - before;
        output.WriteLine($"{services} services x 36 months x {grades} grades: Monthly {services * 36} rows, Officer time {officerRows} rows -> " +
            $"{sw.ElapsedMilliseconds} ms, {allocated / 1_000_000} MB allocated, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB, " +
            $"file {new FileInfo(dir.File("savings.xlsx")).Length / 1000} kB");
    }
}
