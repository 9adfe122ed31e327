using System.Globalization;
using System.Text;
using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Ingestion.Synthetic;

/// <summary>
/// <c>benefits generate --effect/--trend/--seasonality/--noise/--go-live</c>: a <see cref="ScenarioData"/>
/// written as input files the ingest reads (councils.csv, events.csv with one completed-transactions row
/// per council, service, channel and month, costs.csv with each council's hosting from its go-live,
/// assumptions.json with each council's own go-live), and truth.csv with the true effect of each
/// council's service, to compare the estimates in manifest.json with.
/// </summary>
public static class ScenarioFiles
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static (long EventRows, long Transactions) Write(ScenarioData data, string outDir)
    {
        ArgumentNullException.ThrowIfNull(data);
        Directory.CreateDirectory(outDir);
        var encoding = new UTF8Encoding(false);
        var services = data.Data.SelectMany(c => c.Volumes.Select(v => v.Service)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();

        using (var w = new StreamWriter(Path.Combine(outDir, "councils.csv"), false, encoding))
        {
            w.Write("council_code,name,population,consortium\n");
            // One consortium, so that every council is a peer of every other.
            foreach (var c in data.Councils) w.Write($"{c.Code},{c.Name},{c.Population.ToString(Inv)},scenario\n");
        }

        long rows = 0, transactions = 0;
        using (var w = new StreamWriter(Path.Combine(outDir, "events.csv"), false, encoding))
        {
            w.Write("event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds\n");
            foreach (var council in data.Data)
                foreach (var v in council.Volumes.Where(v => v.Completed > 0).OrderBy(v => v.Service, StringComparer.Ordinal)
                    .ThenBy(v => v.Month).ThenBy(v => v.Channel, StringComparer.Ordinal))
                {
                    w.Write($"sc-{++rows:D9},{council.Code},{v.Service},{v.Channel},{EventTypes.Completed},{v.Month.FirstDay:yyyy-MM-dd}T12:00:00Z," +
                        $",,{v.Completed.ToString(Inv)},\n");
                    transactions += v.Completed;
                }
        }

        using (var w = new StreamWriter(Path.Combine(outDir, "costs.csv"), false, encoding))
        {
            w.Write("council_code,consortium,service,category,period_start,period_end,amount_gbp,cashable,reference,description\n");
            for (var i = 0; i < data.Councils.Count; i++)
                if (data.GoLives[i] is { } g)
                    foreach (var s in services)
                        w.Write($"{data.Councils[i].Code},,{s},{CostCategories.Hosting},{g.FirstDay:yyyy-MM-dd},{data.End.LastDay:yyyy-MM-dd}," +
                            $"{(100m * Month.Count(g, data.End)).ToString("0.00", Inv)},false,HST-{s},hosting\n");
        }

        var first = data.Options.GoLive;
        var a = new StringBuilder();
        a.Append("{\n  \"version\": \"scenario\",\n");
        a.Append("  \"unit_costs_gbp\": {\"web\": 0.15, \"app\": 0.15, \"email\": 1.50, \"phone\": 2.83, \"face_to_face\": 8.62, \"post\": 5.00},\n");
        a.Append("  \"digital_channels\": [\"web\", \"app\"],\n");
        a.Append("  \"adjustments\": {\"deadweight\": 0.1},\n");
        a.Append("  \"services\": {\n");
        a.Append(string.Join(",\n", services.Select(s => $"    \"{s}\": {{\"go_live\": \"{first}\", \"lines\": [\"channel_shift\"]}}")));
        a.Append("\n  },\n  \"councils\": {\n    ");
        a.Append(data.CouncilServicesJson(services));
        a.Append("\n  }\n}\n");
        File.WriteAllText(Path.Combine(outDir, "assumptions.json"), a.ToString(), encoding);

        using (var w = new StreamWriter(Path.Combine(outDir, "truth.csv"), false, encoding))
        {
            w.Write("council_code,service,go_live,true_effect_transactions\n");
            for (var i = 0; i < data.Councils.Count; i++)
                foreach (var s in services)
                    w.Write($"{data.Councils[i].Code},{s},{data.GoLives[i]?.ToString() ?? ""}," +
                        $"{data.TrueEffect(i, s, data.Start, data.End).ToString("0.0", Inv)}\n");
        }
        return (rows, transactions);
    }
}
