using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Reports.Workbook;
using BenefitsTracker.TestSupport;
using BenefitsTracker.Tests.Shared;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// The engine's notes and its reasons for refusing a report are phrases (issue 15): the English resource words each exactly as
/// the engine writes it (manifest.json, the English outputs and the CLI's errors are unchanged), the Welsh one in Welsh, and
/// every output that shows a note (the page, the workbook's sentences) takes it from the phrase, not from its English text.
/// </summary>
public sealed class EngineSentenceTests
{
    private static readonly Lazy<SavingsResult> CouncilNotes = new(EngineSentences.CouncilWithNotes);
    private static readonly Lazy<SavingsResult> ConsortiumNotes = new(EngineSentences.ConsortiumWithNotes);

    /// <summary>The phrase and every phrase inside it.</summary>
    private static IEnumerable<Phrase> Within(Phrase p) => p.Args.SelectMany(a => a.Value switch
    {
        Phrase inner => Within(inner),
        IReadOnlyList<Phrase> list => list.SelectMany(Within),
        _ => [],
    }).Prepend(p);

    [Fact]
    public void Every_note_and_refusal_reads_as_the_engine_wrote_it_in_English_and_in_Welsh_with_no_English_left()
    {
        var refusals = EngineSentences.Refusals();
        foreach (var e in refusals)
        {
            Assert.NotNull(e.Reason);
            Assert.Equal(e.Message, e.Reason.English); // the message is byte for byte the English sentence
        }
        foreach (var r in new[] { CouncilNotes.Value, ConsortiumNotes.Value })
            Assert.Equal(r.Notes, r.NotePhrases.Select(p => p.English)); // Notes is made from the phrases
        IReadOnlyList<Phrase> all = [.. CouncilNotes.Value.NotePhrases, .. ConsortiumNotes.Value.NotePhrases, .. refusals.Select(e => e.Reason!)];

        // Every key of the engine's notes and refusals is used by one of them: none goes untested.
        var used = all.SelectMany(Within).Select(p => "phrase." + p.Code).ToHashSet(StringComparer.Ordinal);
        var keys = ReportText.En.Keys.Where(k => new[] { "phrase.note.", "phrase.cannot.", "phrase.coverage.", "phrase.list." }
            .Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.True(keys.Count >= 30, $"only {keys.Count} keys");
        Assert.Empty(keys.Except(used));

        foreach (var p in all)
        {
            Assert.Equal(p.English, CoreText.Render(p, ReportText.En));
            var welsh = CoreText.Render(p, ReportText.Cy);
            Assert.NotEqual(p.English, welsh);
            Assert.Empty(EnglishLeft(welsh));
        }

        // Months in a Welsh sentence are written in Welsh, in English as the engine writes them.
        var empty = refusals.Single(e => e.Reason!.Code == "cannot.baseline_empty");
        Assert.Contains("2023-01..2023-12", empty.Message, StringComparison.Ordinal);
        Assert.Contains("yng nghyfnod y llinell sylfaen (Ionawr 2023 – Rhagfyr 2023)", CoreText.Render(empty.Reason!, ReportText.Cy),
            StringComparison.Ordinal);
        var deflator = refusals.Single(e => e.Reason!.Code == "cannot.no_deflator_for_month");
        Assert.Contains("to value the month 2024-04 (in 2024-25) it needs", deflator.Message, StringComparison.Ordinal);
        Assert.Contains("i roi gwerth ar fis Ebrill 2024 (yn 2024-25) mae angen datchwyddwr CMC 2024-25, ac nid yw'r gyfres (Test deflators, short)",
            CoreText.Render(deflator.Reason!, ReportText.Cy), StringComparison.Ordinal);
        var none = refusals.Single(e => e.Reason!.Code == "cannot.no_data");
        Assert.Equal("Nid oes gan gyngor W06000001 (Council 1) unrhyw ddata o gwbl ar gyfer Ionawr 2022 – Mawrth 2022: mae'r storfa'n dal " +
            "digwyddiadau Ionawr 2023 – Rhagfyr 2024, achosion Ionawr 2023 – Rhagfyr 2024, dim llinellau cost. Mae mis heb ddata yn anhysbys, " +
            "nid sero; dewiswch gyfnod o fewn y data sydd yn y storfa.", CoreText.Render(none.Reason!, ReportText.Cy));
        Assert.Equal("Council W06000001 (Council 1) has no data at all for 2022-01 to 2022-03: the store holds events 2023-01 to 2024-12, " +
            "cases 2023-01 to 2024-12, cost lines none. A month without data is unknown, not zero; choose a period within the data held.",
            none.Message);
    }

    [Fact]
    public void A_member_of_a_consortium_has_its_notes_under_its_code_in_both_languages()
    {
        var notes = ConsortiumNotes.Value.NotePhrases;
        Assert.All(notes, n => Assert.Equal("note.member", n.Code));
        var first = notes.First(n => n.English.StartsWith("W06000002: bins: the baseline", StringComparison.Ordinal));
        Assert.Equal("W06000002: bins: the baseline 2023-01..2023-12 has no closed cases, so officer time is zero for this service.", first.English);
        Assert.Equal("W06000002: bins: nid oes achosion a gaewyd yn y llinell sylfaen (Ionawr 2023 – Rhagfyr 2023), felly mae amser swyddogion " +
            "yn sero i'r gwasanaeth hwn.", CoreText.Render(first, ReportText.Cy));
        // Each member's own notes, in order, under its code.
        Assert.Equal(ConsortiumNotes.Value.Members.SelectMany(m => m.Notes.Select(n => $"{m.Scope.Id}: {n}")), ConsortiumNotes.Value.Notes);
    }

    [Theory]
    [InlineData("council")]
    [InlineData("consortium")]
    public void The_Welsh_page_and_workbook_word_every_note_in_Welsh_and_the_English_page_as_the_engine_wrote_it(string scope)
    {
        var r = scope == "council" ? CouncilNotes.Value : ConsortiumNotes.Value;
        var codes = r.NotePhrases.SelectMany(Within).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "note.baseline_no_cases", "note.price_years_not_uprated" }, codes);
        if (scope == "council")
            Assert.Superset(new HashSet<string> { "note.baseline_no_transactions", "note.price_year_not_uprated" }, codes);

        var raw = ReportPage.Render(r, pageTop: null, ReportLanguage.Cy);
        var text = PageText(raw);
        var english = PageText(ReportPage.Render(r, pageTop: null, ReportLanguage.En));
        foreach (var note in r.NotePhrases)
        {
            Assert.Contains(CoreText.Render(note, ReportText.Cy), text, StringComparison.Ordinal);
            Assert.DoesNotContain(note.English, text, StringComparison.Ordinal);
            Assert.Contains(note.English, english, StringComparison.Ordinal);
        }
        Assert.Empty(EnglishLeft(text));
        Assert.DoesNotContain("<li lang=\"en-GB\">", raw, StringComparison.Ordinal);

        // The workbook's sentences: each note's English becomes the Welsh (WorkbookTranslation).
        var sentences = WorkbookTranslation.ResultSentences(r, ReportText.Cy);
        foreach (var note in r.NotePhrases) Assert.Equal(CoreText.Render(note, ReportText.Cy), sentences[note.English]);
    }

    private static string PageText(string raw) => WelshCheck.PageText(raw);

    /// <summary>Fragments (two words, 8 characters or more) of English of a key that differs in Welsh, found in <paramref name="text"/>.</summary>
    private static List<string> EnglishLeft(string text) => WelshCheck.EnglishLeft(text, minLength: 8, minWords: 2);
}
