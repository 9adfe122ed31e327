using BenefitsTracker.Cli.Terminal;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Cli.Tests;

/// <summary>
/// The summary `benefits report` prints words the engine's notes in its language (issue 15): with --language cy every kind
/// of note (a line set to zero for want of baseline data, costs not uprated, a consortium member's note) is in Welsh.
/// </summary>
[Collection(nameof(ConsoleOutput))]
public sealed class SummaryNotesTests
{
    private static string Printed(SavingsResult r, ReportLanguage language)
    {
        var writer = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(writer);
        try { Summary.Print(r, "out", language); }
        finally { Console.SetOut(previous); }
        return writer.ToString();
    }

    [Fact]
    public void In_Welsh_every_kind_of_note_is_worded_in_Welsh_and_in_English_as_the_engine_wrote_it()
    {
        var council = EngineSentences.CouncilWithNotes();
        var consortium = EngineSentences.ConsortiumWithNotes();
        var kinds = council.NotePhrases.Concat(consortium.NotePhrases).Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "note.baseline_no_cases", "note.baseline_no_transactions", "note.price_year_not_uprated",
            "note.price_years_not_uprated", "note.member" }, kinds);
        foreach (var r in new[] { council, consortium })
        {
            var welsh = Printed(r, ReportLanguage.Cy);
            var english = Printed(r, ReportLanguage.En);
            Assert.Equal(r.NotePhrases.Count, welsh.Split('\n').Count(l => l.StartsWith("  nodyn: ", StringComparison.Ordinal)));
            foreach (var note in r.NotePhrases)
            {
                Assert.Contains("  note: " + note.English + Environment.NewLine, english, StringComparison.Ordinal);
                Assert.DoesNotContain(note.English, welsh, StringComparison.Ordinal);
            }
            // No sentence of the engine's notes is left in English.
            foreach (var fragment in new[] { "the baseline", "has no closed cases", "has no completed transactions", "is zero for this service",
                         "given in the prices of a price year", "no GDP deflator series", "note:" })
                Assert.DoesNotContain(fragment, welsh, StringComparison.Ordinal);
        }
        var printed = Printed(council, ReportLanguage.Cy);
        Assert.Contains("  nodyn: bins: nid oes achosion a gaewyd yn y llinell sylfaen (Ionawr 2023 – Rhagfyr 2023), felly mae amser swyddogion " +
            "yn sero i'r gwasanaeth hwn.", printed, StringComparison.Ordinal);
        Assert.Contains("  nodyn: parking: nid oes trafodion a gwblhawyd yn y llinell sylfaen (Ionawr 2023 – Rhagfyr 2023), felly mae symud " +
            "sianel yn sero i'r gwasanaeth hwn.", printed, StringComparison.Ordinal);
        Assert.Contains("  nodyn: parking: mae unit_costs_gbp.phone wedi'i roi ym mhrisiau blwyddyn brisiau, ond ni roddwyd cyfres o " +
            "ddatchwyddwyr CMC", printed, StringComparison.Ordinal);
        Assert.Contains("  nodyn: W06000002: bins: mae unit_costs_gbp.phone, unit_costs_gbp.web wedi'u rhoi ym mhrisiau blwyddyn brisiau",
            Printed(consortium, ReportLanguage.Cy), StringComparison.Ordinal);
    }
}

/// <summary>Tests that write to <see cref="Console.Out"/> run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleOutput), DisableParallelization = true)]
public sealed class ConsoleOutput;
