using BenefitsTracker.Reports.Register;
using BenefitsTracker.TestSupport;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// The benefits register (Green Book), from <see cref="KpiExample"/>'s council: bins went live in October 2023,
/// so its baseline is October 2022 to September 2023, holding April 2023's phone 100 and web 100: a mix cost of
/// 0.5 × £2.83 + 0.5 × £0.15 = £1.49 a transaction. April 2024's 200 transactions would have cost 200 × £1.49 = £298
/// at that mix and cost 40 × £2.83 + 160 × £0.15 = £137.20: channel shift £160.80 (no adjustments, not cashable).
/// </summary>
public sealed class BenefitsRegisterTests
{
    [Fact]
    public void The_csv_has_a_row_per_line_and_service_with_baseline_realised_owner_and_evidence()
    {
        using var dir = new TempDir();
        var path = dir.File(BenefitsRegister.CsvFile);
        BenefitsRegister.WriteCsv(KpiExample.Council(), path);
        var lines = File.ReadAllLines(path);
        Assert.Equal(string.Join(',', BenefitsRegister.Headers), lines[0]);
        Assert.Equal(6, lines.Length);                                   // header + five lines of bins
        var shift = lines.Single(l => l.StartsWith("W06000001,bins,Channel shift,", StringComparison.Ordinal));
        Assert.Contains(",1.49,", shift, StringComparison.Ordinal);
        Assert.Contains(",160.80,no,", shift, StringComparison.Ordinal);
        Assert.Contains(",Head of Waste,", shift, StringComparison.Ordinal);
        Assert.Contains("events 2023-04 to 2024-04; period 2024-04 to 2024-04; baseline 2022-10 to 2023-09", shift, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sheet_recalculates_to_the_engine_and_follows_a_unit_cost()
    {
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(KpiExample.Council(), dir);
        var ws = wb.Worksheet("Benefits register");
        var row = ws.Column(3).CellsUsed().Single(c => c.GetString() == "Channel shift").Address.RowNumber;
        Pence(1.49m, ws.Cell(row, 6).Value, "baseline mix cost");
        Pence(160.80m, ws.Cell(row, 8).Value, "channel shift realised");
        Assert.Equal(0.0, ws.Cell(row, 9).GetDouble());                   // not cashable
        // Phone at £3.83: mix 0.5 × 3.83 + 0.5 × 0.15 = £1.99; 200 × 1.99 − (40 × 3.83 + 160 × 0.15) = 398 − 177.20 = £220.80.
        SetNamed(wb, "unit_cost_phone", 3.83m);
        Pence(1.99m, ws.Cell(row, 6).Value, "baseline mix cost at the new phone cost");
        Pence(220.80m, ws.Cell(row, 8).Value, "channel shift at the new phone cost");
    }
}
