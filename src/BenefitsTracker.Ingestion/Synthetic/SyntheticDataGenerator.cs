using System.Globalization;
using System.Text;
using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Ingestion.Synthetic;

/// <summary>What to generate: how many councils and months, roughly how many event rows, and the seed.</summary>
public sealed record GeneratorOptions(int Councils, int Months, long Events, ulong Seed, string OutDir)
{
    /// <summary>The first month of the data; go-live is twelve months later, after a baseline year.</summary>
    public Month Start { get; init; } = new(2022, 4);
    public const int BaselineMonths = 12;
    public Month GoLive => Start.AddMonths(BaselineMonths);
    public Month End => Start.AddMonths(Months - 1);
}

/// <summary>What was written.</summary>
public sealed record GeneratorSummary(long EventRows, long Transactions, long Cases, long CostLines, int Councils)
{
    /// <summary>Satisfaction ratings written (the sum of the satisfaction_rating rows' quantities).</summary>
    public long Ratings { get; init; }
}

/// <summary>
/// Writes realistic synthetic inputs (councils, events, cases, costs, assumptions) in the shape of
/// sample-data/: seasonal demand, a channel shift that ramps up over the year after go-live, officer
/// minutes that fall, print and postage that stop, satisfaction ratings from the online forms that improve
/// as the new services settle. The same options give the same bytes.
/// Events are streamed to disk; only the monthly volume model is held in memory.
/// </summary>
public static class SyntheticDataGenerator
{
    private const int RampMonths = 12;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static GeneratorSummary Generate(GeneratorOptions o, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        if (o.Councils < 1) throw new ArgumentException("--councils must be at least 1");
        if (o.Months < GeneratorOptions.BaselineMonths + 1)
            throw new ArgumentException($"--months must be at least {GeneratorOptions.BaselineMonths + 1}: a baseline year and at least " +
                $"one month after go-live");
        if (o.Events < 1) throw new ArgumentException("--events must be at least 1");
        Directory.CreateDirectory(o.OutDir);

        var random = new SyntheticRandom(o.Seed);
        var councils = SyntheticProfiles.Councils(o.Councils, random);
        var cells = BuildVolumeModel(o, councils, random);
        WriteCouncils(o, councils);
        // The ratings draw from their own sequence, so that adding them left every other figure of the data as it was.
        var (eventRows, transactions, ratings) = WriteEvents(o, councils, cells, new SyntheticRandom(o.Seed ^ 0xE7E7),
            new SyntheticRandom(o.Seed ^ 0x5A75), progress, ct);
        var cases = WriteCases(o, councils, cells, new SyntheticRandom(o.Seed ^ 0xCA5E));
        var costLines = WriteCosts(o, councils);
        WriteAssumptions(o);
        return new GeneratorSummary(eventRows, transactions, cases, costLines, councils.Count) { Ratings = ratings };
    }

    /// <summary>Share of the way from the baseline to the final state, m months after go-live (0 before).</summary>
    internal static double Ramp(GeneratorOptions o, Month m)
    {
        var after = m.Index - o.GoLive.Index;
        if (after < 0) return 0;
        var x = Math.Min(1.0, (after + 1.0) / RampMonths);
        return x * x * (3 - 2 * x); // smoothstep: slow start, fast middle, settling
    }

    /// <summary>Completed transactions per council, service, month and channel.</summary>
    private sealed record Cell(int Council, ServiceProfile Service, Month Month, string Channel, long Completed, long Started, long Failed,
        long MapViews);

    private static List<Cell> BuildVolumeModel(GeneratorOptions o, IReadOnlyList<SyntheticCouncil> councils, SyntheticRandom random)
    {
        var cells = new List<Cell>();
        for (var c = 0; c < councils.Count; c++)
        {
            var size = councils[c].Population / 1000.0;
            foreach (var s in SyntheticProfiles.Services)
            {
                foreach (var m in Month.Range(o.Start, o.End))
                {
                    var ramp = Ramp(o, m);
                    var growth = 1 + 0.02 * (m.Index - o.Start.Index) / 12.0;
                    var total = random.NextCount(size * s.TransactionsPer1000PerMonth * s.Seasonality(m.Number) * growth);
                    foreach (var ch in s.BaselineMix.Keys.Union(s.FinalMix.Keys).OrderBy(Channels.Order))
                    {
                        var share = (1 - ramp) * s.BaselineMix.GetValueOrDefault(ch) + ramp * s.FinalMix.GetValueOrDefault(ch);
                        var completed = (long)Math.Round(total * share);
                        var digital = ch is Channels.Web or Channels.App;
                        var started = digital ? (long)Math.Round(completed * s.StartsPerDigitalCompletion) : 0;
                        var failed = digital ? (long)Math.Round(started * s.FailureShareOfStarts) : 0;
                        var views = ch == Channels.Web ? (long)Math.Round(completed * s.MapViewsPerWebTransaction) : 0;
                        if (completed + started + failed + views > 0)
                            cells.Add(new Cell(c, s, m, ch, completed, started, failed, views));
                    }
                }
            }
        }
        return cells;
    }

    private static (long Rows, long Transactions, long Ratings) WriteEvents(
        GeneratorOptions o, IReadOnlyList<SyntheticCouncil> councils, List<Cell> cells, SyntheticRandom random, SyntheticRandom ratingRandom,
        IProgress<double>? progress, CancellationToken ct)
    {
        // Each measure (completed, started, failed, map views) of a cell becomes one or more rows whose
        // quantities add up to it; rows are shared out in proportion to volume so the file has about
        // o.Events rows. Where that asks for more rows than units, volumes are scaled up.
        var units = cells.Sum(c => c.Completed + c.Started + c.Failed + c.MapViews);
        var scale = Math.Max(1.0, o.Events / (double)Math.Max(1, units));
        var rowsPerUnit = o.Events / (units * scale);

        using var w = new StreamWriter(Path.Combine(o.OutDir, "events.csv"), false, new UTF8Encoding(false), 1 << 16);
        w.Write("event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds,rating\n");
        long rows = 0, transactions = 0, seq = 0, user = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var cell = cells[i];
            var code = councils[cell.Council].Code;
            var completed = (long)Math.Round(cell.Completed * scale);
            var failed = (long)Math.Round(cell.Failed * scale);

            // Some web failures in garden waste carry a user_ref and are followed by a phone call:
            // the avoidable contact of METHOD.md line 4. The calls come out of the phone volume.
            if (cell.Service == SyntheticProfiles.GardenWaste && cell.Channel == Channels.Web && failed > 0)
            {
                var phone = cells.FirstOrDefault(x => x.Council == cell.Council && x.Service == cell.Service && x.Month == cell.Month
                    && x.Channel == Channels.Phone);
                var tracked = Math.Min(failed, (long)Math.Round(failed * 0.3));
                for (var k = 0; k < tracked; k++)
                {
                    var at = RandomInstant(cell.Month, random, maxDay: 20);
                    var userRef = $"u{++user:D7}";
                    WriteEvent(w, ++seq, code, cell.Service.Slug, Channels.Web, EventTypes.Failed, at, userRef, 1, random);
                    rows++;
                    if (phone is not null && random.NextDouble() < 0.7)
                    {
                        // Most call within the week; a few later, outside the 7-day window.
                        var days = random.NextDouble() < 0.85 ? 1 + random.Next(6) : 8 + random.Next(5);
                        WriteEvent(w, ++seq, code, cell.Service.Slug, Channels.Phone, EventTypes.Completed, at.AddDays(days).AddHours(1),
                            userRef, 1, random);
                        rows++; transactions++;
                    }
                }
                failed -= tracked;
            }
            if (cell.Service == SyntheticProfiles.GardenWaste && cell.Channel == Channels.Phone)
                completed = Math.Max(0, completed - TrackedCalls(cells, i, scale));

            rows += WriteMeasure(w, ref seq, code, cell, EventTypes.Completed, completed, rowsPerUnit, random);
            transactions += completed;
            rows += WriteMeasure(w, ref seq, code, cell, EventTypes.Started, (long)Math.Round(cell.Started * scale), rowsPerUnit, random);
            rows += WriteMeasure(w, ref seq, code, cell, EventTypes.Failed, failed, rowsPerUnit, random);
            rows += WriteMeasure(w, ref seq, code, cell, EventTypes.MapView, (long)Math.Round(cell.MapViews * scale), rowsPerUnit, random);
            if (i % 256 == 0) progress?.Report((double)i / cells.Count);
        }
        var ratings = 0L;
        foreach (var cell in cells.Where(c => c.Channel is Channels.Web or Channels.App))
        {
            var (r, n) = WriteRatings(w, ref seq, councils[cell.Council].Code, cell, (long)Math.Round(cell.Completed * scale), Ramp(o, cell.Month),
                ratingRandom);
            rows += r;
            ratings += n;
        }
        progress?.Report(1.0);
        return (rows, transactions, ratings);
    }

    /// <summary>
    /// The satisfaction ratings of a digital cell (docs/sample-data.md): some of those who complete online rate the service, 1 to 5;
    /// the share rating it 4 or 5 rises from the old web form's to the new service's as the ramp does. One row per rating given that
    /// month, its quantity the number of such ratings; returns the rows and the ratings written.
    /// </summary>
    private static (long Rows, long Ratings) WriteRatings(StreamWriter w, ref long seq, string code, Cell cell, long completed, double ramp,
        SyntheticRandom random)
    {
        var s = cell.Service;
        var n = random.NextCount(completed * s.RatingsPerDigitalCompletion);
        if (n == 0) return (0, 0);
        var satisfied = s.SatisfiedBefore + ramp * (s.SatisfiedAfter - s.SatisfiedBefore);
        // Of the satisfied, 45% very satisfied; of the rest, half neither, 30% dissatisfied, 20% very dissatisfied.
        double[] p = [0.2 * (1 - satisfied), 0.3 * (1 - satisfied), 0.5 * (1 - satisfied), 0.55 * satisfied, 0.45 * satisfied];
        var counts = new long[5];
        for (long k = 0; k < n; k++)
        {
            var u = random.NextDouble();
            var rating = 0;
            while (rating < 4 && u >= p[rating]) u -= p[rating++];
            counts[rating]++;
        }
        long rows = 0;
        for (var rating = 1; rating <= 5; rating++)
        {
            if (counts[rating - 1] == 0) continue;
            WriteEvent(w, ++seq, code, s.Slug, cell.Channel, EventTypes.SatisfactionRating, RandomInstant(cell.Month, random), null,
                counts[rating - 1], random, rating);
            rows++;
        }
        return (rows, n);
    }

    /// <summary>An estimate of the tracked calls taken out of a phone cell: the same rule as their creation, in expectation.</summary>
    private static long TrackedCalls(List<Cell> cells, int phoneIndex, double scale)
    {
        var p = cells[phoneIndex];
        var web = cells.FirstOrDefault(x => x.Council == p.Council && x.Service == p.Service && x.Month == p.Month && x.Channel == Channels.Web);
        if (web is null) return 0;
        var failed = (long)Math.Round(web.Failed * scale);
        return (long)Math.Round(Math.Min(failed, Math.Round(failed * 0.3)) * 0.7);
    }

    private static long WriteMeasure(StreamWriter w, ref long seq, string code, Cell cell, string type, long quantity, double rowsPerUnit,
        SyntheticRandom random)
    {
        if (quantity <= 0) return 0;
        var rows = Math.Clamp((long)Math.Round(quantity * rowsPerUnit), 1, quantity);
        var each = quantity / rows;
        var extra = quantity % rows;
        for (long r = 0; r < rows; r++)
        {
            var q = each + (r < extra ? 1 : 0);
            WriteEvent(w, ++seq, code, cell.Service.Slug, cell.Channel, type, RandomInstant(cell.Month, random), null, q, random);
        }
        return rows;
    }

    private static void WriteEvent(StreamWriter w, long seq, string code, string service, string channel, string type,
        DateTimeOffset at, string? userRef, long quantity, SyntheticRandom random, int? rating = null)
    {
        w.Write("ev-"); w.Write(seq.ToString("D9", Inv)); w.Write(',');
        w.Write(code); w.Write(','); w.Write(service); w.Write(','); w.Write(channel); w.Write(',');
        w.Write(type); w.Write(','); w.Write(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv)); w.Write(',');
        w.Write(','); // case_id
        w.Write(userRef); w.Write(',');
        w.Write(quantity.ToString(Inv)); w.Write(',');
        if (type == EventTypes.Completed && quantity == 1) w.Write((60 + random.Next(600)).ToString(Inv));
        w.Write(',');
        if (rating is { } r) w.Write(r.ToString(Inv));
        w.Write('\n');
    }

    private static DateTimeOffset RandomInstant(Month m, SyntheticRandom random, int maxDay = 28)
    {
        var day = 1 + random.Next(Math.Min(maxDay, DateTime.DaysInMonth(m.Year, m.Number)));
        var seconds = 8 * 3600 + random.Next(10 * 3600);
        return new DateTimeOffset(m.Year, m.Number, day, 0, 0, 0, TimeSpan.Zero).AddSeconds(seconds);
    }

    private static long WriteCases(GeneratorOptions o, IReadOnlyList<SyntheticCouncil> councils, List<Cell> cells, SyntheticRandom random)
    {
        using var w = new StreamWriter(Path.Combine(o.OutDir, "cases.csv"), false, new UTF8Encoding(false), 1 << 16);
        w.Write("case_id,council_code,service,channel,case_type,received_at,closed_at,officer_minutes,officer_grade\n");
        var dataEnd = new DateTimeOffset(o.End.LastDay.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
        long count = 0;
        foreach (var cell in cells.Where(c => c.Completed > 0))
        {
            var s = cell.Service;
            var n = random.NextCount(cell.Completed * s.CasesPerTransaction);
            var ramp = Ramp(o, cell.Month);
            // Digital cases need less handling; the mean falls as the channel shift ramps up.
            var mean = s.BaselineMinutes + ramp * (s.FinalMinutes - s.BaselineMinutes);
            for (long k = 0; k < n; k++)
            {
                var received = RandomInstant(cell.Month, random);
                var closed = received.AddDays(1 + random.Next(20)).AddHours(random.Next(6));
                var minutes = Math.Max(1, (int)Math.Round(mean * Math.Exp(0.3 * random.NextGaussian() - 0.045)));
                var grade = s.Grades[random.Next(s.Grades.Count)];
                var id = $"C{councils[cell.Council].Code[^2..]}-{++count:D6}";
                w.Write(id); w.Write(','); w.Write(councils[cell.Council].Code); w.Write(','); w.Write(s.Slug); w.Write(',');
                w.Write(cell.Channel); w.Write(','); w.Write(s.CaseType); w.Write(',');
                w.Write(received.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv)); w.Write(',');
                if (closed <= dataEnd) w.Write(closed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv));
                w.Write(',');
                if (closed <= dataEnd) w.Write(minutes.ToString(Inv));
                w.Write(','); w.Write(grade); w.Write('\n');
            }
        }
        return count;
    }

    private static long WriteCosts(GeneratorOptions o, IReadOnlyList<SyntheticCouncil> councils)
    {
        using var w = new StreamWriter(Path.Combine(o.OutDir, "costs.csv"), false, new UTF8Encoding(false));
        w.Write("council_code,consortium,service,category,period_start,period_end,amount_gbp,cashable,reference,description\n");
        long lines = 0;
        void Line(string? council, string? consortium, string? service, string category, Month from, Month to, decimal amount,
            bool cashable, string reference, string description)
        {
            w.Write($"{council},{consortium},{service},{category},{from.FirstDay:yyyy-MM-dd},{to.LastDay:yyyy-MM-dd},{amount.ToString("0.00", Inv)}" +
                $",{(cashable ? "true" : "false")},{reference},{description}\n");
            lines++;
        }

        foreach (var council in councils)
        {
            foreach (var s in SyntheticProfiles.Services)
            {
                // Print and postage by quarter: the baseline rate, falling away after go-live.
                for (var q = o.Start; q <= o.End; q = q.AddMonths(3))
                {
                    var qEnd = q.AddMonths(2) > o.End ? o.End : q.AddMonths(2);
                    var remainingPrint = 1 - Ramp(o, q) * (1 - s.PrintRemaining);
                    var remainingPost = 1 - Ramp(o, q) * (1 - s.PostageRemaining);
                    var months = Month.Count(q, qEnd);
                    var print = Math.Round(s.PrintPerResidentPerYear * council.Population * months / 12m * (decimal)remainingPrint, 2);
                    var post = Math.Round(s.PostagePerResidentPerYear * council.Population * months / 12m * (decimal)remainingPost, 2);
                    if (print > 0) Line(council.Code, null, s.Slug, CostCategories.Print, q, qEnd, print, true, $"PRN-{s.Slug}-{q}", "print run");
                    if (post > 0) Line(council.Code, null, s.Slug, CostCategories.Postage, q, qEnd, post, true, $"PST-{s.Slug}-{q}", "postage");
                }
                // One-off implementation at go-live; hosting from go-live to the end of the data.
                var implementation = Math.Round((4_000m + council.Population * 0.05m) / 100m) * 100m;
                Line(council.Code, null, s.Slug, CostCategories.Implementation, o.GoLive, o.GoLive, implementation, false, $"IMP-{s.Slug}",
                    "build and launch");
                Line(council.Code, null, s.Slug, CostCategories.Hosting, o.GoLive, o.End, 100m * Month.Count(o.GoLive, o.End), false,
                    $"HST-{s.Slug}", "hosting");
            }
        }
        // The platform licence is bought once for the consortium, a year at a time.
        foreach (var consortium in councils.Select(c => c.Consortium).Distinct(StringComparer.Ordinal))
        {
            for (var y = o.GoLive; y <= o.End; y = y.AddMonths(12))
            {
                var yEnd = y.AddMonths(11) > o.End ? o.End : y.AddMonths(11);
                Line(null, consortium, null, CostCategories.Licence, y, yEnd, 3_000m * Month.Count(y, yEnd), false, $"LIC-{y}",
                    "shared platform licence");
            }
        }
        return lines;
    }

    private static void WriteCouncils(GeneratorOptions o, IReadOnlyList<SyntheticCouncil> councils)
    {
        using var w = new StreamWriter(Path.Combine(o.OutDir, "councils.csv"), false, new UTF8Encoding(false));
        w.Write("council_code,name,population,consortium\n");
        foreach (var c in councils) w.Write($"{c.Code},{c.Name},{c.Population.ToString(Inv)},{c.Consortium}\n");
    }

    private static void WriteAssumptions(GeneratorOptions o)
    {
        var b = new StringBuilder();
        b.Append("{\n");
        b.Append("  \"version\": \"sample-2025-26-v1\",\n");
        b.Append("  \"unit_costs_gbp\": {\"web\": 0.15, \"app\": 0.15, \"email\": 1.50, \"phone\": 2.83, \"face_to_face\": 8.62, \"post\": 5.00},\n");
        b.Append("  \"digital_channels\": [\"web\", \"app\"],\n");
        b.Append("  \"officer_hourly_cost_gbp\": {\"default\": 30.00, \"grades\": {\"PO1\": 32.50, \"SO1\": 27.80}},\n");
        b.Append("  \"discount_rate\": 0.035,\n");
        b.Append("  \"adjustments\": {\"deadweight\": 0.1, \"attribution\": 0.9, \"optimism_bias\": 0.05},\n");
        b.Append("  \"cashable\": {\"channel_shift\": false, \"officer_time\": false, \"print\": true, \"postage\": true},\n");
        b.Append("  \"suppression_threshold\": 10,\n");
        b.Append("  \"services\": {\n");
        var baselineFrom = o.Start;
        var baselineTo = o.GoLive.AddMonths(-1);
        var services = SyntheticProfiles.Services;
        for (var i = 0; i < services.Count; i++)
        {
            b.Append($"    \"{services[i].Slug}\": {{\"go_live\": \"{o.GoLive}\", \"baseline\": {{\"from\": \"{baselineFrom}\", \"to\": " +
                $"\"{baselineTo}\"}},\n");
            b.Append("      \"lines\": [\"channel_shift\", \"officer_time\", \"print\", \"postage\", \"avoidable_contact\"],\n");
            var t = services[i].Targets;
            b.Append($"      \"name\": \"{services[i].Name}\",\n");
            b.Append($"      \"owner\": \"{services[i].Owner}\",\n");
            b.Append($"      \"targets\": {{\"cost_per_transaction_gbp\": {t.CostPerTransaction.ToString("0.00", Inv)}, " +
                $"\"digital_take_up\": {t.DigitalTakeUp.ToString("0.00", Inv)}, \"completion_rate\": {t.CompletionRate.ToString("0.00", Inv)}, " +
                $"\"user_satisfaction\": {t.UserSatisfaction.ToString("0.00", Inv)}}}}}");
            b.Append(i < services.Count - 1 ? ",\n" : "\n");
        }
        b.Append("  },\n");
        b.Append("  \"councils\": {\"W06000003\": {\"officer_hourly_cost_gbp\": {\"default\": 31.20}}},\n");
        b.Append("  \"consortia\": {\"north-wales\": {\"apportionment\": \"population\", \"population_source\": \"ONS mid-2022 population " +
            "estimates, rounded to the nearest hundred\"}}\n");
        b.Append("}\n");
        File.WriteAllText(Path.Combine(o.OutDir, "assumptions.json"), b.ToString(), new UTF8Encoding(false));
    }
}
