using System.Text;
using System.Text.Json;
using BenefitsTracker.Ingestion.Benchmarks;

namespace BenefitsTracker.Ingestion.Tests;

public class FormatTests
{
    /// <summary>Rows as column → value maps, written out as CSV (any column order) or NDJSON.</summary>
    private static List<Dictionary<string, string>> ReadCsv(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static string Csv(IReadOnlyList<string> columns, IEnumerable<Dictionary<string, string>> rows)
    {
        var sb = new StringBuilder(string.Join(',', columns)).Append('\n');
        foreach (var row in rows) sb.Append(string.Join(',', columns.Select(c => Quote(row.GetValueOrDefault(c, ""))))).Append('\n');
        return sb.ToString();
    }

    private static string Quote(string v) => v.IndexOfAny([',', '"', '\n', '\r']) < 0 ? v : "\"" + v.Replace("\"", "\"\"") + "\"";

    private static string Ndjson(IEnumerable<Dictionary<string, string>> rows, ISet<string>? numeric = null) =>
        string.Concat(rows.Select(r => JsonSerializer.Serialize(r.Where(p => p.Value.Length > 0)
            .ToDictionary(p => p.Key, p => numeric?.Contains(p.Key) == true
                ? (object)decimal.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture) : p.Value)) + "\n"));

    private static string SampleEvents(string folder, int events)
    {
        var path = Path.Combine(folder, "gen.csv");
        BenchmarkEventsFile.Write(path, events, seed: 7);
        return File.ReadAllText(path);
    }

    [Fact]
    public async Task Csv_and_ndjson_of_the_same_rows_give_identical_stores()
    {
        await using var a = await TestStore.CreateAsync();
        await using var b = await TestStore.CreateAsync();
        var rows = ReadCsv(SampleEvents(a.Folder, 3000));
        rows[10]["event_id"] = rows[11]["event_id"]; // a duplicate (event ids are unique per council)
        rows[10]["council_code"] = rows[11]["council_code"];
        rows[20]["channel"] = "fax"; // a reject

        var csv = a.Write("events.csv", Csv(BenchmarkEventsFile.Header.Split(','), rows));
        var ndjson = b.Write("events.ndjson", Ndjson(rows, new HashSet<string> { "quantity", "duration_seconds" }));
        var ra = (await a.IngestAsync(csv)).Files.Single();
        var rb = (await b.IngestAsync(ndjson)).Files.Single();

        Assert.Equal((ra.Read, ra.Accepted, ra.Rejected, ra.Duplicates), (rb.Read, rb.Accepted, rb.Rejected, rb.Duplicates));
        Assert.Equal((3000L, 2998L, 1L, 1L), (ra.Read, ra.Accepted, ra.Rejected, ra.Duplicates));
        Assert.Equal(await StoreSnapshot.TakeAsync(a.Db, content: true), await StoreSnapshot.TakeAsync(b.Db, content: true));
    }

    [Fact]
    public async Task Columns_may_come_in_any_order()
    {
        await using var a = await TestStore.CreateAsync();
        await using var b = await TestStore.CreateAsync();
        var rows = ReadCsv(SampleEvents(a.Folder, 500));
        var columns = BenchmarkEventsFile.Header.Split(',');
        var shuffled = columns.Reverse().ToArray();

        await a.IngestAsync(a.Write("events.csv", Csv(columns, rows)));
        await b.IngestAsync(b.Write("events.csv", Csv(shuffled, rows)));

        Assert.Equal(await StoreSnapshot.TakeAsync(a.Db, content: true), await StoreSnapshot.TakeAsync(b.Db, content: true));
    }

    [Fact]
    public async Task Quoted_fields_keep_commas_quotes_and_newlines_and_line_numbers_stay_true()
    {
        await using var store = await TestStore.CreateAsync();
        const string header = "council_code,consortium,service,category,period_start,period_end,amount_gbp,cashable,reference,description\n";
        const string multiLine = "W06000003,,garden-waste,print,2024-04-01,2024-04-30,100.50,true,\"P-1, April\",\"leaflets, \"\"A5\"\"\n" +
            "second line\nthird line\"\n";
        const string bad = "W06000003,,garden-waste,travel,2024-04-01,2024-04-30,1.00,false,\"T,1\",\"a\nb\"\n";
        var file = store.Write("costs.csv", header + multiLine + bad + "W06000003,,,hosting,2024-04-01,2024-04-30,2.00,false,H,plain\r\n");

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal((3L, 2L, 1L), (r.Read, r.Accepted, r.Rejected));
        var council = await store.Queries.LoadCouncilAsync("W06000003");
        var print = council!.CostLines.Single(c => c.Category == "print");
        Assert.Equal("P-1, April", print.Reference);
        Assert.Equal("leaflets, \"A5\"\nsecond line\nthird line", print.Description);
        Assert.Equal(100.50m, print.Amount);
        // The bad record starts on line 5 (header, then a record over three lines); it is copied whole.
        var rejects = File.ReadAllText(r.RejectsPath!);
        Assert.Equal("line,reason," + header.TrimEnd('\n') + "\n5,\"category 'travel' is not one of print, postage, licence, implementation, " +
            "hosting, support, other\"," + bad, rejects);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_and_crlf_line_endings_are_fine()
    {
        await using var store = await TestStore.CreateAsync();
        var path = Path.Combine(store.Folder, "councils.csv");
        File.WriteAllText(path,
            "council_code,name,population,consortium\r\nW06000003,Conwy,114800,north-wales\r\n\r\nW06000004,Sir Ddinbych,95800,north-wales\r\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var r = (await store.IngestAsync(path)).Files.Single();

        Assert.Equal((2L, 2L), (r.Read, r.Accepted));
        Assert.Equal("Sir Ddinbych", (await store.Queries.LoadConsortiumAsync("north-wales"))!.Members.Single(m => m.Code == "W06000004").Name);
    }

    [Fact]
    public async Task Timestamps_with_offsets_land_in_their_utc_month()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("events.ndjson",
            "{\"council_code\":\"W06000003\",\"service\":\"s\",\"channel\":\"web\",\"event_type\":\"transaction_completed\"," +
                "\"occurred_at\":\"2024-05-01T00:30:00+01:00\"}\n" +
            "{\"council_code\":\"W06000003\",\"service\":\"s\",\"channel\":\"web\",\"event_type\":\"transaction_completed\"," +
                "\"occurred_at\":\"2024-04-30T23:30:00.123-01:00\"}\n");

        await store.IngestAsync(file);

        var volumes = (await store.Queries.LoadCouncilAsync("W06000003"))!.Volumes;
        Assert.Equal(1, volumes.Single(v => v.Month == new Core.Domain.Month(2024, 4)).Completed);
        Assert.Equal(1, volumes.Single(v => v.Month == new Core.Domain.Month(2024, 5)).Completed);
    }

    [Fact]
    public async Task Column_names_ignore_case_and_spaces_in_csv_and_ndjson_with_a_byte_order_mark()
    {
        await using var store = await TestStore.CreateAsync();
        var csv = store.Write("councils.csv", " Council_Code ,NAME,Population\nW06000003,Conwy,114800\n");
        var ndjson = store.Write("councils.ndjson", "\uFEFF{\"Council_Code\":\"W06000004\",\" Name\":\"Denbighshire\"}\n\n");

        var summary = await store.IngestAsync(csv, ndjson);

        Assert.All(summary.Files, f => Assert.Equal((1L, 1L), (f.Read, f.Accepted)));
        Assert.Equal(["W06000003", "W06000004"], await store.Queries.CouncilCodesAsync());
    }

    [Fact]
    public async Task An_unclosed_quote_swallowing_the_rest_of_the_file_makes_it_unusable()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("councils.csv",
            "council_code,name,population\nW06000003,Conwy,114800\nW06000004,\"Denbighshire,95800\nW06000002,Gwynedd,117400\n");

        var e = await Assert.ThrowsAsync<UnusableInputException>(() => store.IngestAsync(file));

        Assert.Contains("line 3", e.Message);
        Assert.Contains("closing quote", e.Message);
        Assert.Empty(await store.Queries.CouncilCodesAsync());
    }

    [Fact]
    public async Task A_header_with_no_rows_is_a_file_of_nothing_and_a_nameless_column_is_refused()
    {
        await using var store = await TestStore.CreateAsync();
        var empty = (await store.IngestAsync(store.Write("councils.csv", "council_code,name\n"))).Files.Single();
        var e = await Assert.ThrowsAsync<UnusableInputException>(() =>
            store.IngestAsync(store.Write("more.csv", "council_code,name,\nW06000003,Conwy,\n")));

        Assert.Equal((0L, 0L, InputKind.Councils), (empty.Read, empty.Accepted, empty.Kind));
        Assert.Contains("a column has no name", e.Message);
    }
}
