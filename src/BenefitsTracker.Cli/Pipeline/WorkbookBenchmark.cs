using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Workbook;

namespace BenefitsTracker.Cli.Pipeline;

/// <summary>
/// Writes savings.xlsx for a synthetic council big enough to fill the detail sheets (services × months on
/// Monthly and on Avoidable contact, × grades on Officer time) and reports time, allocation, peak memory and
/// file size: as `benefits report` writes it (streamed above <see cref="SavingsWorkbook.StreamThreshold"/> rows),
/// always streamed, or in ClosedXML alone, the reference. Run each writer in its own process: peak working set is the process's.
/// </summary>
public static class WorkbookBenchmark
{
    public static void Run(int services, int grades, int months, string writer, string workDir, TextWriter output, CancellationToken ct)
    {
        if (services < 1 || grades < 1 || months < 1) throw new UsageException("--services, --grades and --months must each be at least 1.");
        var total = Stopwatch.StartNew();
        output.WriteLine($"Workbook benchmark: a council with {services:N0} services × {months} months × {grades} grades; writer: " +
            $"{writer switch { "closedxml" => "ClosedXML only (the reference)", "streamed" => "streamed",
                _ => "auto (streamed above the threshold)" }}.");
        var (data, assumptions, request) = Council(services, grades, months);
        var result = SavingsEngine.ComputeCouncil(data, null, assumptions, request,
            new Lineage([], "bench", new string('0', 64), "benefits bench workbook", null, null));
        data = null; // the input is no longer needed: what stays in memory is the result
        ct.ThrowIfCancellationRequested();
        var monthly = (long)result.Services.Count * request.MonthCount;
        var officer = result.Services.Sum(s => (long)s.OfficerTime.Count);
        var contact = result.Services.Sum(s => (long)s.AvoidableContact.Count);
        output.WriteLine($"  rows: Monthly {monthly:N0}, Officer time {officer:N0}, Avoidable contact {contact:N0}; " +
            $"{SavingsWorkbook.DetailRows(result):N0} in all (threshold {SavingsWorkbook.StreamThreshold:N0})");
        output.WriteLine($"  computed in {total.Elapsed.TotalSeconds:N1} s; peak working set so far {Peak():N0} MB");

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true) / 1_000_000;
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var path = Path.Combine(workDir, "savings.xlsx");
        Directory.CreateDirectory(workDir);
        output.WriteLine("  writing the workbook…");
        var sw = Stopwatch.StartNew();
        SavingsWorkbook.Write(result, path, writer switch { "closedxml" => int.MaxValue, "streamed" => 0, _ => SavingsWorkbook.StreamThreshold }, ct);
        sw.Stop();
        var allocated = (GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1_000_000;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true) / 1_000_000;
        output.WriteLine($"  written in {sw.Elapsed.TotalSeconds:N1} s; {allocated:N0} MB allocated; peak working set {Peak():N0} MB; file " +
            $"{new FileInfo(path).Length / 1_000_000.0:N1} MB ({path})");
        output.WriteLine($"  managed heap (after a full collection): {heapBefore:N0} MB before writing (the result), {heapAfter:N0} MB after");
        output.WriteLine($"  headline: adjusted benefit {result.Totals.AdjustedBenefit.ToString("N2", CultureInfo.InvariantCulture)}, " +
            $"officer hours {result.Totals.OfficerHoursReleased.ToString("N2", CultureInfo.InvariantCulture)}");
    }

    private static long Peak()
    {
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / 1_000_000;
    }

    /// <summary>
    /// Each service: web and phone every month (web growing), closed cases for every grade every month with
    /// minutes falling after go-live, and one failed web attempt followed by a phone call each period month
    /// (one avoidable-contact pair per service and month). A baseline year, then the period from go-live.
    /// </summary>
    private static (CouncilData Data, AssumptionSet Assumptions, ReportRequest Request) Council(int services, int grades, int months)
    {
        var baselineFrom = new Month(2022, 1);
        var goLive = baselineFrom.AddMonths(12);
        var last = goLive.AddMonths(months - 1);
        var volumes = new List<ChannelVolume>();
        var closed = new List<ClosedCases>();
        var contacts = new List<ContactEvent>();
        var json = new StringBuilder("{\"version\":\"bench\",\"unit_costs_gbp\":{\"web\":0.15,\"phone\":2.83}," +
            "\"officer_hourly_cost_gbp\":{\"default\":30},\"services\":{");
        for (var s = 0; s < services; s++)
        {
            var name = $"svc-{s}";
            json.Append(s == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"\"{name}\":{{\"go_live\":\"{goLive}\",\"baseline\":{{\"from\":\"{baselineFrom}\",\"to\":\"{goLive.AddMonths(-1)}\"}}}}");
            foreach (var m in Month.Range(baselineFrom, last))
            {
                var after = m >= goLive ? Month.Count(goLive, m) : 0;
                volumes.Add(new ChannelVolume(name, "web", m, 100 + s % 50 + 5 * after, 0, 0));
                volumes.Add(new ChannelVolume(name, "phone", m, Math.Max(10, 200 - 4 * after), 0, 0));
                for (var g = 0; g < grades; g++)
                    closed.Add(new ClosedCases(name, m, "G" + g, m >= goLive ? 20 + g : 30 + g, 1));
                if (m >= goLive)
                {
                    var day = new DateTimeOffset(m.Year, m.Number, 3, 9, 0, 0, TimeSpan.Zero);
                    contacts.Add(new ContactEvent(name, $"u{s}-{m}", "web", ContactKind.Failed, day));
                    contacts.Add(new ContactEvent(name, $"u{s}-{m}", "phone", ContactKind.Completed, day.AddDays(1)));
                }
            }
        }
        json.Append("}}");
        var data = new CouncilData("W06000099", "Benchshire", 100_000, null, volumes, closed, [], [], contacts);
        return (data, AssumptionSet.Parse(json.ToString()), new ReportRequest(goLive, last));
    }
}
