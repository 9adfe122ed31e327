using System.Text.RegularExpressions;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using BenefitsTracker.Ingestion;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.TestSupport;
using BenefitsTracker.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Tests;

/// <summary>
/// A data-quality finding's detail as a phrase (issue 15): each of the job's sentences worded by the resource set (in
/// English exactly as the job writes it, in Welsh with no English left), kept in the store beside its English on SQLite
/// and PostgreSQL, and a row stored before the phrase was kept still read as its text.
/// </summary>
public sealed class DataQualityPhraseTests
{
    private const string Conwy = "W06000003";

    /// <summary>Every shape of sentence the data-quality job writes, with figures as it would give them.</summary>
    public static IReadOnlyList<Phrase> EverySentence =>
    [
        FindingPhrases.Gap(new Month(2023, 9), eitherSide: true),
        FindingPhrases.Gap(new Month(2024, 5), eitherSide: false),
        FindingPhrases.Outlier(new Month(2024, 10), completed: true, 1512, 240, 6, 8.1234, 3.5),
        FindingPhrases.Outlier(new Month(2024, 3), completed: false, 5, 50.5, 6, -12.14, 3.5),
        FindingPhrases.StaleFeed("events", 60, new DateTimeOffset(2024, 11, 2, 9, 30, 0, TimeSpan.Zero), 45),
        FindingPhrases.StaleFeed("cases", 1, new DateTimeOffset(2024, 11, 2, 23, 30, 0, TimeSpan.FromHours(-2)), 45),
        FindingPhrases.RejectionRate("bad-events.csv", new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), 20, 40, 0.05, null),
        FindingPhrases.RejectionRate("bad-events.csv", new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), 1234, 5678, 0.05,
            "/srv/inbox/archive/2024-06-01/bad-events.rejects.csv"),
        FindingPhrases.ImplausibleMinutes(new Month(2024, 6), 1, 1, 0m, 450m),
        FindingPhrases.ImplausibleMinutes(new Month(2024, 6), 2, 1, 2880m, 450.5m),
        FindingPhrases.RejectionRate("one-row.csv", new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), 1, 1, 0.05, null),
        FindingPhrases.Outlier(new Month(2024, 4), completed: false, 1, 40, 1, -9.24, 3.5),
    ];

    [Fact]
    public void The_English_resource_words_every_sentence_exactly_as_the_job_writes_it()
    {
        var codes = new HashSet<string>();
        foreach (var phrase in EverySentence)
        {
            Assert.True(ReportText.En.Has("phrase." + phrase.Code), $"no key phrase.{phrase.Code} in Strings.en.json");
            Assert.True(ReportText.Cy.Has("phrase." + phrase.Code), $"no key phrase.{phrase.Code} in Strings.cy.json");
            Assert.Equal(phrase.English, ReportPhrases.Render(phrase, ReportText.En));
            codes.Add(phrase.Code);
        }
        // Each of the job's codes is among them: a new shape of sentence gets a key and a place in this list.
        Assert.Equal(10, codes.Count);
        // The figures as the sentence shows them.
        Assert.Equal("1,512 completed transactions in 2024-10 against a median of 240 in the 6 months either side (modified z-score 8.1; " +
            "the rule flags beyond ±3.5)", EverySentence[2].English);
        Assert.Equal("bad-events.csv (ingested 2024-06-01): 1,234 of 5,678 rows rejected (21.7 %; the rule flags above 5 %); " +
            "the rows and reasons are " +
            "in /srv/inbox/archive/2024-06-01/bad-events.rejects.csv", EverySentence[7].English);
        Assert.Equal("1 closed case in 2024-06 with implausible officer minutes (1 with none at all; the longest 0 minutes; the rule flags 0 " +
            "and above 450)", EverySentence[8].English);
        Assert.Equal("no new cases rows for 1 day (the last file with some was ingested 2024-11-03; the rule flags after 45 days)",
            EverySentence[5].English);
        // One row of one, one event: the singular (Welsh: "1 o 1 rhes", "1 digwyddiad").
        Assert.Equal("one-row.csv (ingested 2024-06-01): 1 of 1 row rejected (100.0 %; the rule flags above 5 %)", EverySentence[10].English);
        Assert.Equal("1 event in 2024-04 against a median of 40 in the 1 month either side (modified z-score -9.2; the rule flags beyond ±3.5)",
            EverySentence[11].English);
        Assert.StartsWith("one-row.csv (mewnforiwyd 2024-06-01): gwrthodwyd 1 o 1 rhes (", ReportPhrases.Render(EverySentence[10], ReportText.Cy),
            StringComparison.Ordinal);
        Assert.StartsWith("1 digwyddiad ym mis Ebrill 2024, yn erbyn canolrif o 40 yn y 1 mis bob ochr iddo",
            ReportPhrases.Render(EverySentence[11], ReportText.Cy), StringComparison.Ordinal);
    }

    /// <summary>
    /// A stale feed's days: "1 day" and "2 days" in English (the English of any other number word for word as the API has always
    /// given it); in Welsh a numeral takes the singular, mutated by some numerals: "1 diwrnod", "2 ddiwrnod", "45 niwrnod"
    /// (docs/welsh-glossary.md, "Numbers and nouns").
    /// </summary>
    [Theory]
    [InlineData(1, 45, "no new events rows for 1 day (the last file with some was ingested 2024-11-02; the rule flags after 45 days)",
        "dim rhesi digwyddiadau newydd ers 1 diwrnod (mewnforiwyd y ffeil olaf a oedd yn cynnwys rhai ar 2024-11-02; " +
        "mae'r rheol yn tynnu sylw ar ôl 45 niwrnod)")]
    [InlineData(2, 1, "no new events rows for 2 days (the last file with some was ingested 2024-11-02; the rule flags after 1 day)",
        "dim rhesi digwyddiadau newydd ers 2 ddiwrnod (mewnforiwyd y ffeil olaf a oedd yn cynnwys rhai ar 2024-11-02; " +
        "mae'r rheol yn tynnu sylw ar ôl 1 diwrnod)")]
    [InlineData(60, 45, "no new events rows for 60 days (the last file with some was ingested 2024-11-02; the rule flags after 45 days)",
        "dim rhesi digwyddiadau newydd ers 60 niwrnod (mewnforiwyd y ffeil olaf a oedd yn cynnwys rhai ar 2024-11-02; " +
        "mae'r rheol yn tynnu sylw ar ôl 45 niwrnod)")]
    public void A_stale_feed_counts_its_days_in_the_singular_for_one(long days, int ruleDays, string english, string welsh)
    {
        var phrase = FindingPhrases.StaleFeed("events", days, new DateTimeOffset(2024, 11, 2, 9, 30, 0, TimeSpan.Zero), ruleDays);
        Assert.Equal(english, phrase.English);
        Assert.Equal(english, ReportPhrases.Render(phrase, ReportText.En));
        Assert.Equal(welsh, ReportPhrases.Render(phrase, ReportText.Cy));
        // Read back from the store as it was kept, it is worded the same.
        var back = StoredPhrase.Read(StoredPhrase.Serialise(phrase), "not this");
        Assert.Equal(english, ReportPhrases.Render(back, ReportText.En));
        Assert.Equal(welsh, ReportPhrases.Render(back, ReportText.Cy));
    }

    /// <summary>A stale-feed finding stored before its days were phrases of their own (code data_quality.stale.*) is worded as then.</summary>
    [Fact]
    public void A_stale_feed_stored_by_an_earlier_version_is_still_worded()
    {
        const string stored = "{\"code\":\"data_quality.stale.events\",\"english\":\"no new events rows for 60 days (the last file with some " +
            "was ingested 2024-11-02; the rule flags after 45 days)\",\"args\":[{\"name\":\"days\",\"long\":60},{\"name\":\"date\"," +
            "\"text\":\"2024-11-02\"},{\"name\":\"rule_days\",\"int\":45}]}";
        var phrase = StoredPhrase.Read(stored, "not this");
        Assert.Equal("data_quality.stale.events", phrase.Code);
        Assert.Equal(phrase.English, ReportPhrases.Render(phrase, ReportText.En));
        Assert.StartsWith("dim rhesi digwyddiadau newydd ers 60 niwrnod", ReportPhrases.Render(phrase, ReportText.Cy), StringComparison.Ordinal);
    }

    [Fact]
    public void The_Welsh_resource_words_every_sentence_in_Welsh_with_the_same_figures()
    {
        foreach (var phrase in EverySentence)
        {
            var welsh = ReportPhrases.Render(phrase, ReportText.Cy);
            Assert.DoesNotContain("{", welsh, StringComparison.Ordinal);
            Assert.Empty(EnglishLeft(welsh, "phrase.data_quality."));
            // Every figure of the English is in the Welsh (months are written out: "Hydref 2024").
            foreach (Match figure in Regex.Matches(Regex.Replace(phrase.English, @"\b\d{4}-\d\d\b(?!-)", ""), @"±?[0-9][0-9,.]*%?"))
                Assert.Contains(figure.Value.TrimEnd('.', ','), welsh, StringComparison.Ordinal);
        }
        Assert.Equal("dim digwyddiadau ym mis Medi 2023, er bod gan y gwasanaeth ddigwyddiadau yn y misoedd bob ochr iddo",
            ReportPhrases.Render(EverySentence[0], ReportText.Cy));
        Assert.StartsWith("1,512 o drafodion a gwblhawyd ym mis Hydref 2024, yn erbyn canolrif o 240 yn y 6 mis bob ochr iddo",
            ReportPhrases.Render(EverySentence[2], ReportText.Cy), StringComparison.Ordinal);
    }

    [Fact]
    public void A_phrase_round_trips_through_its_stored_form_with_every_kind_of_value()
    {
        var inner = Phrase.Of("data_quality.gap.between", "no events in 2024-03, though the service has events the months either side",
            ("month", new Month(2024, 3)));
        var phrase = Phrase.Of("test.all", "all of them", ("text", "a file.csv"), ("int", 45), ("long", 5_000_000_000L),
            ("month", new Month(2024, 12)), ("phrase", inner), ("list", (IReadOnlyList<Phrase>)[inner, Phrase.Text("as given")]),
            ("empty", (IReadOnlyList<Phrase>)[]));
        var back = StoredPhrase.Read(StoredPhrase.Serialise(phrase), "not this");
        AssertSame(phrase, back);
        // Each value keeps its type: an int is not read back as a long, nor a month as text.
        Assert.Equal([typeof(string), typeof(int), typeof(long), typeof(Month), typeof(Phrase)],
            back.Args.Take(5).Select(a => a.Value.GetType()));
    }

    [Fact]
    public void A_row_without_a_phrase_or_with_one_this_version_cannot_read_is_its_text()
    {
        foreach (var stored in new string?[] { null, "", "not json", "[1,2]", "{\"code\":\"x\",\"english\":\"y\",\"args\":[{\"name\":\"n\"}]}",
                     // A null where a value or its name should be, a number where text should be, no code.
                     "{\"code\":\"x\",\"english\":\"y\",\"args\":[null]}",
                     "{\"code\":\"x\",\"english\":\"y\",\"args\":[{\"name\":null,\"text\":\"t\"}]}",
                     "{\"code\":\"x\",\"english\":\"y\",\"args\":[{\"name\":\"n\",\"text\":5}]}", "{\"english\":\"y\"}" })
        {
            var phrase = StoredPhrase.Read(stored, "no events in 2023-09, though the service has events in September of other years");
            Assert.Equal(Phrase.TextCode, phrase.Code);
            Assert.Equal("no events in 2023-09, though the service has events in September of other years",
                ReportPhrases.Render(phrase, ReportText.Cy));
        }
    }

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_job_stores_each_findings_phrase_and_the_page_and_the_report_read_it_back(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("bt-dq-phrase-").FullName;
        DatabaseTarget target;
        if (provider == "sqlite") target = DatabaseTarget.Parse("sqlite:" + Path.Combine(folder, "store.db"));
        else if (PostgresServer.ForTest() is { } server)
            target = DatabaseTarget.Parse("postgres:" + server.ConnectionString(PostgresServer.NewDatabaseName()));
        else return; // no PostgreSQL and no tool required: nothing to check here
        try
        {
            await RunOnAsync(target, folder);
        }
        finally
        {
            await TestDatabases.DropAsync(target);
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task RunOnAsync(DatabaseTarget target, string folder)
    {
        // Garden waste: ten completions a month through 2024, none in September (a gap), a hundred in June (a spike).
        // Planning maps: fifty map views a month, five in March (a drop, counted in events: the service has no completions).
        var events = new List<string> { "event_id,council_code,service,channel,event_type,occurred_at" };
        for (var m = 1; m <= 12; m++)
        {
            var garden = m == 9 ? 0 : m == 6 ? 100 : 10;
            events.AddRange(Enumerable.Range(1, garden)
                .Select(i => $"gw-{m}-{i},{Conwy},garden-waste,web,transaction_completed,2024-{m:00}-10T09:00:00Z"));
            events.AddRange(Enumerable.Range(1, m == 3 ? 5 : 50)
                .Select(i => $"pm-{m}-{i},{Conwy},planning-maps,web,map_view,2024-{m:00}-11T09:00:00Z"));
        }
        var eventsFile = Path.Combine(folder, "events.csv");
        File.WriteAllLines(eventsFile, events);
        // A file with half its rows rejected (fax is no channel), of a service with one month (no gap nor spike there), and
        // closed cases with no minutes or two days' worth.
        var bad = Path.Combine(folder, "bad-events.csv");
        File.WriteAllLines(bad, new[] { "event_id,council_code,service,channel,event_type,occurred_at" }.Concat(Enumerable.Range(1, 40).Select(i =>
            $"bad-{i},{Conwy},ldp-consultation,{(i % 2 == 0 ? "web" : "fax")},transaction_completed,2024-05-{i % 28 + 1:00}T09:00:00Z")));
        var cases = Path.Combine(folder, "odd-cases.csv");
        File.WriteAllLines(cases, [
            "case_id,council_code,service,channel,received_at,closed_at,officer_minutes",
            $"odd-1,{Conwy},planning-maps,web,2024-06-03T09:00:00Z,2024-06-04T09:00:00Z,0",
            $"odd-2,{Conwy},planning-maps,web,2024-06-05T09:00:00Z,2024-06-07T09:00:00Z,2880",
        ]);
        await using (var db = await BenefitsStore.OpenAsync(target))
            await new Ingestor(db).IngestAsync([Sample("councils.csv"), Sample("assumptions.json"), Sample("costs.csv"), eventsFile, bad, cases]);
        var clock = new FixedClock(DateTimeOffset.UtcNow.AddDays(60)); // nothing new for 60 days: every feed is stale

        var run = await new JobRunner(target, new JobOptions(), clock).RunAsync(JobNames.DataQuality, JobRun.ByHand, CancellationToken.None);

        Assert.Equal(JobRun.Succeeded, run.Outcome);
        await using var read = await BenefitsStore.OpenForReadingAsync(target, CancellationToken.None);
        var findings = await new DataQualityFindings(read).ListAsync(null, CancellationToken.None);
        Assert.Equal(["data_quality.gap.between", "data_quality.implausible_minutes.many", "data_quality.outlier.completed",
                "data_quality.outlier.events", "data_quality.rejection_rate.rejects", "data_quality.stale_feed.cases",
                "data_quality.stale_feed.events"],
            findings.Select(f => f.DetailPhrase.Code).Order(StringComparer.Ordinal));
        foreach (var f in findings)
        {
            // Read back from the store as the job made it: its English is the detail, and the English resource words it so.
            Assert.Equal(f.Detail, f.DetailPhrase.English);
            Assert.Equal(f.Detail, ReportPhrases.Render(f.DetailPhrase, ReportText.En));
            Assert.Empty(EnglishLeft(ReportPhrases.Render(f.DetailPhrase, ReportText.Cy), "phrase.data_quality."));
        }
        // The API's English is as the job wrote it before findings were phrases: the month's name, percentages as "21.7 %".
        Assert.Equal("no events in 2024-05, though the service has events in May of other years", EverySentence[1].English);
        Assert.Equal("dim digwyddiadau ym mis Mai 2024, er bod gan y gwasanaeth ddigwyddiadau ym mis Mai mewn blynyddoedd eraill",
            ReportPhrases.Render(EverySentence[1], ReportText.Cy));
        var spike = Assert.Single(findings, f => f.Kind == Finding.Spike);
        Assert.Equal("100 o drafodion a gwblhawyd ym mis Mehefin 2024, yn erbyn canolrif o 10 yn y 6 mis bob ochr iddo (sgôr z addasedig 60.7; " +
            "mae'r rheol yn tynnu sylw at sgôr y tu hwnt i ±3.5)", ReportPhrases.Render(spike.DetailPhrase, ReportText.Cy));
        Assert.Contains("gwrthodwyd 20 o 40 rhes (50.0 %;", ReportPhrases.Render(Assert.Single(findings, f => f.Kind == Finding.RejectionRate)
            .DetailPhrase, ReportText.Cy), StringComparison.Ordinal);

        // A report over 2024 gives the findings in its caveats as phrases: the Welsh report words the detail in Welsh.
        var pipeline = new ReportPipeline(new StoreQueries(read));
        var result = await pipeline.ComputeAsync(ScopeKind.Council, Conwy, new ReportRequest(new Month(2024, 1), new Month(2024, 12)),
            await pipeline.AssumptionsAsync(null, default), default);
        var gap = Assert.Single(result.NotePhrases, p => p.English.StartsWith($"Data quality (gap, {Conwy} garden-waste)", StringComparison.Ordinal));
        Assert.Equal($"Ansawdd data (bwlch, {Conwy} garden-waste): dim digwyddiadau ym mis Medi 2024, er bod gan y gwasanaeth ddigwyddiadau yn y " +
            "misoedd bob ochr iddo.", ReportPhrases.Render(gap, ReportText.Cy).Split(" Fe'i canfuwyd")[0]);
        Assert.Equal(gap.English, ReportPhrases.Render(gap, ReportText.En));

        // A row written before the migration (no phrase) reads back as its text, on the page and in a report.
        await using (var db = await BenefitsStore.OpenAsync(target))
        {
            db.DataQualityFindings.Add(new DataQualityFindingRow { RunId = run.Id, Kind = Finding.Gap, CouncilCode = Conwy, Service = "old",
                Month = 202402, Detail = "no events in 2024-02, though the service has events in February of other years", FoundAt = clock.Now });
            await db.SaveChangesAsync();
        }
        var old = Assert.Single(await new DataQualityFindings(read).ListAsync([Conwy], CancellationToken.None), f => f.Service == "old");
        Assert.Equal(Phrase.TextCode, old.DetailPhrase.Code);
        Assert.Equal(old.Detail, ReportPhrases.Render(old.DetailPhrase, ReportText.Cy));
        result = await pipeline.ComputeAsync(ScopeKind.Council, Conwy, new ReportRequest(new Month(2024, 1), new Month(2024, 12)),
            await pipeline.AssumptionsAsync(null, default), default);
        Assert.Contains(result.NotePhrases, p => ReportPhrases.Render(p, ReportText.Cy)
            .StartsWith($"Ansawdd data (bwlch, {Conwy} old): no events in 2024-02, though the service has events in February",
                StringComparison.Ordinal));
    }

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "sample-data", name);

    private static void AssertSame(Phrase expected, Phrase actual)
    {
        Assert.Equal(expected.Code, actual.Code);
        Assert.Equal(expected.English, actual.English);
        Assert.Equal(expected.Args.Select(a => a.Key), actual.Args.Select(a => a.Key));
        foreach (var (e, a) in expected.Args.Zip(actual.Args))
        {
            switch (e.Value)
            {
                case Phrase p: AssertSame(p, Assert.IsType<Phrase>(a.Value)); break;
                case IReadOnlyList<Phrase> list:
                    var back = Assert.IsAssignableFrom<IReadOnlyList<Phrase>>(a.Value);
                    Assert.Equal(list.Count, back.Count);
                    foreach (var (x, y) in list.Zip(back)) AssertSame(x, y);
                    break;
                default: Assert.Equal(e.Value, a.Value); break;
            }
        }
        foreach (var T in new[] { ReportText.En, ReportText.Cy })
            Assert.Equal(ReportPhrases.Render(expected, T), ReportPhrases.Render(actual, T));
    }

    [Theory]
    [InlineData(1, "in the 1 month either side")]
    [InlineData(3, "in the 3 months either side")]
    public void A_spike_against_one_neighbouring_month_says_1_month_in_the_API_and_the_resource_alike(int neighbours, string words)
    {
        var phrase = FindingPhrases.Outlier(new Month(2024, 9), completed: true, 1512, 240, neighbours, 9.2, 3.5);
        Assert.Contains(words, phrase.English, StringComparison.Ordinal);
        Assert.Equal(phrase.English, ReportPhrases.Render(phrase, ReportText.En));
        Assert.Contains($"yn y {neighbours} mis bob ochr", ReportPhrases.Render(phrase, ReportText.Cy), StringComparison.Ordinal);
    }

    /// <summary>English words of the keys under <paramref name="prefix"/> (cut at their placeholders) left in a Welsh text.</summary>
    private static List<string> EnglishLeft(string welsh, string prefix) => WelshCheck.EnglishLeft(welsh, minLength: 4, minWords: 1, prefix);
}
