namespace BenefitsTracker.Ingestion.Tests;

/// <summary>The corpus in tests/fixtures/bad-inputs: one file per rule of docs/data-formats.md.</summary>
public class BadInputTests
{
    private static string Corpus(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "bad-inputs", name);

    public static TheoryData<string, string> RejectedRows => new()
    {
        { "events-missing-council.csv", "council_code is missing" },
        { "events-bad-gss-code.csv", "council_code 'X06000003' is not an ONS GSS code" },
        { "events-unknown-channel.csv", "channel 'fax' is not one of" },
        { "events-unknown-event-type.csv", "event_type 'clicked' is not one of" },
        { "events-timestamp-without-offset.csv", "occurred_at '2024-04-01T09:00:00' is not an ISO 8601 timestamp with an offset or Z" },
        { "events-timestamp-impossible-date.csv", "occurred_at '2024-02-30T09:00:00Z' is not an ISO 8601 timestamp" },
        { "events-negative-quantity.csv", "quantity '-3' is negative" },
        { "events-fractional-quantity.csv", "quantity '1.5' is not a whole number" },
        { "events-negative-duration.csv", "duration_seconds '-20' is negative" },
        { "events-service-not-a-slug.csv", "service 'Garden Waste' is not a slug" },
        { "events-missing-occurred-at.csv", "occurred_at is missing" },
        { "events-missing-service.csv", "service is missing" },
        { "events-wrong-field-count.csv", "the record has 11 fields; the header has 10" },
        { "events-invalid-json-line.ndjson", "not valid JSON" },
        { "events-nested-value.ndjson", "the value of 'occurred_at' is not a string, number, true, false or null" },
        { "events-missing-key.ndjson", "council_code is missing" },
        { "events-rating-missing.csv", "rating is missing: a satisfaction_rating event carries the user's rating" },
        { "events-rating-out-of-scale.csv", "rating '6' is not a whole number from 1 (very dissatisfied) to 5 (very satisfied)" },
        { "events-rating-not-whole.csv", "rating '4.5' is not a whole number from 1" },
        { "events-rating-zero.ndjson", "rating '0' is not a whole number from 1" },
        { "events-rating-on-another-type.csv",
            "rating '4' is given on a 'transaction_completed' event: only satisfaction_rating events carry a rating" },
        { "cases-closed-before-received.csv", "closed_at '2024-04-01T09:00:00Z' is before received_at '2024-04-02T09:00:00Z'" },
        { "cases-negative-minutes.csv", "officer_minutes '-5' is negative" },
        { "cases-minutes-too-precise.csv", "officer_minutes '12.345' has more than 2 decimal places" },
        { "cases-closed-without-minutes.csv", "officer_minutes is missing for a closed case" },
        { "cases-missing-case-id.csv", "case_id is missing" },
        { "cases-received-without-offset.csv", "received_at '2024-04-01 09:00:00' is not an ISO 8601 timestamp" },
        { "costs-print-without-service.csv", "a print cost line needs a service" },
        { "costs-postage-without-service.csv", "a postage cost line needs a service" },
        { "costs-no-council-or-consortium.csv", "neither council_code nor consortium is given" },
        { "costs-both-council-and-consortium.csv", "both council_code and consortium are given" },
        { "costs-unknown-category.csv", "category 'travel' is not one of" },
        { "costs-negative-amount.csv", "amount_gbp '-10.00' is negative" },
        { "costs-amount-with-currency-symbol.csv", "amount_gbp '£10.00' is not an amount in pounds" },
        { "costs-end-before-start.csv", "period_end '2024-03-01' is before period_start '2024-04-01'" },
        { "costs-date-not-iso.csv", "period_start '01/04/2024' is not a date (YYYY-MM-DD)" },
        { "costs-cashable-not-boolean.csv", "cashable 'maybe' is not true or false" },
        { "councils-missing-name.csv", "name is missing" },
        { "councils-negative-population.csv", "population '-1' is negative" },
        { "councils-consortium-not-an-id.csv", "consortium 'North Wales' is not an id" },
    };

    [Theory]
    [MemberData(nameof(RejectedRows))]
    public async Task A_row_breaking_a_rule_goes_whole_to_the_rejects_file_and_the_rest_loads(string file, string reason)
    {
        await using var store = await TestStore.CreateAsync();
        var input = Path.Combine(store.Folder, file);
        File.Copy(Corpus(file), input);
        var lines = File.ReadAllLines(input);
        var badLine = lines[^1];

        var result = (await store.IngestAsync(input)).Files.Single();

        Assert.Equal((2L, 1L, 1L, 0L), (result.Read, result.Accepted, result.Rejected, result.Duplicates));
        Assert.Equal(Path.Combine(store.Folder, Path.GetFileNameWithoutExtension(file) + ".rejects.csv"), result.RejectsPath);
        var rejects = File.ReadAllText(result.RejectsPath!);
        Assert.Contains(reason, rejects);
        var rejectLine = File.ReadAllLines(result.RejectsPath!)[1];
        Assert.StartsWith($"{lines.Length},", rejectLine);
        if (file.EndsWith(".csv")) Assert.EndsWith("," + badLine, rejectLine);
        else Assert.Contains(badLine.Replace("\"", "\"\""), rejectLine);
    }

    public static TheoryData<string, string> UnusableFiles => new()
    {
        { "unusable-unknown-column.csv", "unknown column 'colour' for events" },
        { "unusable-missing-required-column.csv", "missing required column 'occurred_at' for events" },
        { "unusable-repeated-column.csv", "'event_id' appears more than once" },
        { "unusable-kind-not-recognised.csv", "cannot tell the kind of file from its columns" },
        { "unusable-empty.csv", "the file is empty" },
        { "unusable-binary.csv", "binary content" },
        { "unusable-not-utf8.csv", "not UTF-8" },
        { "unusable-utf16.csv", "UTF-16" },
        { "unusable-ndjson-unknown-key.ndjson", "the key 'colour', which is not a column" },
        { "unusable-not-assumptions.json", "neither version nor unit_costs_gbp is there" },
        { "unusable-assumptions-rate-out-of-range.json", "adjustments.deadweight" },
    };

    [Theory]
    [MemberData(nameof(UnusableFiles))]
    public async Task An_unusable_file_is_refused_by_name_and_changes_nothing(string file, string problem)
    {
        await using var store = await TestStore.CreateAsync();
        var before = await StoreSnapshot.TakeAsync(store.Db);
        var input = Path.Combine(store.Folder, file);
        File.Copy(Corpus(file), input);

        var e = await Assert.ThrowsAsync<UnusableInputException>(() => store.IngestAsync(input));

        Assert.Equal(input, e.File);
        Assert.Contains(problem, e.Message);
        Assert.Contains(file, e.Message);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(store.Db));
        Assert.Empty(Directory.GetFiles(store.Folder, "*.rejects.csv*"));
    }

    [Fact]
    public async Task An_invalid_byte_deep_in_a_large_file_rolls_back_every_row_before_it()
    {
        await using var store = await TestStore.CreateAsync();
        var before = await StoreSnapshot.TakeAsync(store.Db);
        var input = Path.Combine(store.Folder, "late-latin1.csv");
        using (var w = new FileStream(input, FileMode.Create))
        {
            var good = new System.Text.StringBuilder("event_id,council_code,service,channel,event_type,occurred_at\n");
            for (var i = 0; i < 20_000; i++) good.Append($"e{i},W06000003,garden-waste,web,transaction_completed,2024-04-01T09:00:00Z\n");
            w.Write(System.Text.Encoding.UTF8.GetBytes(good.ToString()));
            w.Write([(byte)'x', 0xE9, (byte)'\n']);
        }

        var e = await Assert.ThrowsAsync<UnusableInputException>(() => store.IngestAsync(input));

        Assert.Contains("not UTF-8", e.Message);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(store.Db));
        Assert.Empty(Directory.GetFiles(store.Folder, "*.rejects.csv*"));
    }

    [Fact]
    public async Task A_folder_stops_at_its_first_unusable_file_keeping_the_files_committed_before_it()
    {
        await using var store = await TestStore.CreateAsync();
        var folder = Path.Combine(store.Folder, "in");
        Directory.CreateDirectory(folder);
        File.Copy(Corpus("events-negative-quantity.csv"), Path.Combine(folder, "a-events.csv"));
        File.Copy(Corpus("unusable-unknown-column.csv"), Path.Combine(folder, "b-unknown.csv"));
        File.Copy(Corpus("councils-missing-name.csv"), Path.Combine(folder, "c-councils.csv"));

        var e = await Assert.ThrowsAsync<UnusableInputException>(() => store.IngestAsync(folder));

        Assert.EndsWith("b-unknown.csv", e.File);
        Assert.Single(e.Completed);
        Assert.Equal(1, await StoreSnapshot.CountAsync(store.Db, "usage_events"));
        Assert.Equal(0, await StoreSnapshot.CountAsync(store.Db, "councils"));
        Assert.Equal(1, await StoreSnapshot.CountAsync(store.Db, "ingested_files"));
    }
}
