using System.Security.Cryptography;
using System.Text;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Tests.Assumptions;

/// <summary>docs/assumptions.md: defaults, precedence of overrides, hashing.</summary>
public sealed class AssumptionSetTests
{
    private const string Minimal = """{ "version": "v1", "services": { "bins": { "go_live": "2024-04" } } }""";

    [Fact]
    public void Sha256_is_lowercase_hex_of_the_utf8_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes(Minimal);
        var set = AssumptionSet.Parse(bytes);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), set.Sha256);
        Assert.Equal(set.Sha256, AssumptionSet.Parse(Minimal).Sha256);
        Assert.Equal("v1", set.Version);
        Assert.Equal(Minimal, set.Json);
    }

    [Fact]
    public void A_byte_order_mark_is_read_past_but_hashed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Minimal)).ToArray();
        var set = AssumptionSet.Parse(bytes);
        Assert.Equal("v1", set.Version);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), set.Sha256);
    }

    [Fact]
    public void Absent_keys_take_the_documented_defaults()
    {
        var set = AssumptionSet.Parse(Minimal);
        var council = set.ForCouncil("W06000001", null);
        Assert.Equal(new Dictionary<string, decimal> { ["phone"] = 2.83m, ["face_to_face"] = 8.62m, ["web"] = 0.15m },
            council.UnitCosts.ToDictionary());
        Assert.Equal(["web", "app"], council.DigitalChannels);
        Assert.Equal(0.035m, council.DiscountRate);
        Assert.Equal(new Adjustments(0m, 1m, 0m), council.Adjustments);
        Assert.Equal(10, council.SuppressionThreshold);
        Assert.False(council.HasHourlyCostDefault);
        Assert.Null(council.Apportionment);
        Assert.False(council.Cashable[BenefitLine.ChannelShift]);
        Assert.False(council.Cashable[BenefitLine.OfficerTime]);
        Assert.True(council.Cashable[BenefitLine.Print]);
        Assert.True(council.Cashable[BenefitLine.Postage]);
        Assert.False(council.Cashable[BenefitLine.AvoidableContact]);

        var service = set.ForService("W06000001", "bins");
        Assert.Equal("2024-04", service.GoLive);
        Assert.Equal(new Month(2023, 4), service.BaselineFrom);
        Assert.Equal(new Month(2024, 3), service.BaselineTo);
        Assert.Equal(BenefitLines.All, service.Lines);
    }

    [Fact]
    public void Service_overrides_council_overrides_top_level_and_dictionaries_merge_key_by_key()
    {
        var set = AssumptionSet.Parse("""
            { "version": "v1",
              "unit_costs_gbp": { "web": 0.20, "post": 5.00 },
              "officer_hourly_cost_gbp": { "default": 30, "grades": { "PO1": 32.5, "SO1": 27 } },
              "adjustments": { "deadweight": 0.1, "attribution": 0.9 },
              "cashable": { "channel_shift": true },
              "digital_channels": ["web", "app", "chat"],
              "councils": { "W06000003": {
                  "unit_costs_gbp": { "post": 6.00 },
                  "officer_hourly_cost_gbp": { "default": 31.2, "grades": { "PO1": 33 } },
                  "adjustments": { "deadweight": 0.2 },
                  "digital_channels": ["web"] } },
              "services": { "bins": { "go_live": "2024-04",
                  "unit_costs_gbp": { "phone": 3.00 },
                  "adjustments": { "optimism_bias": 0.15 },
                  "cashable": { "officer_time": true, "print": false } } } }
            """);

        var s = set.ForService("W06000003", "bins");
        Assert.Equal(0.20m, s.UnitCosts["web"]);          // top level
        Assert.Equal(6.00m, s.UnitCosts["post"]);         // council
        Assert.Equal(3.00m, s.UnitCosts["phone"]);        // service
        Assert.Equal(8.62m, s.UnitCosts["face_to_face"]); // default
        Assert.Equal(31.2m, s.HourlyCostDefault);
        Assert.Equal(33m, s.HourlyCostByGrade["PO1"]);
        Assert.Equal(27m, s.HourlyCostByGrade["SO1"]);
        Assert.Equal(new Adjustments(0.2m, 0.9m, 0.15m), s.Adjustments);
        Assert.Equal(["web"], s.DigitalChannels);          // lists replace
        Assert.True(s.Cashable[BenefitLine.ChannelShift]);
        Assert.True(s.Cashable[BenefitLine.AvoidableContact]); // always channel shift's
        Assert.True(s.Cashable[BenefitLine.OfficerTime]);
        Assert.False(s.Cashable[BenefitLine.Print]);
        Assert.True(s.Cashable[BenefitLine.Postage]);

        var other = set.ForService("W06000099", "bins");
        Assert.Equal(5.00m, other.UnitCosts["post"]);
        Assert.Equal(["web", "app", "chat"], other.DigitalChannels);
        Assert.Equal(new Adjustments(0.1m, 0.9m, 0.15m), other.Adjustments);

        var council = set.ForCouncil("W06000003", null);
        Assert.Equal(2.83m, council.UnitCosts["phone"]); // service overrides do not reach the council level
    }

    [Fact]
    public void Explicit_baseline_and_lines_are_used_in_method_order()
    {
        var set = AssumptionSet.Parse("""
            { "version": "v1", "services": { "bins": { "go_live": "2024-04",
              "baseline": { "from": "2022-10", "to": "2023-09" }, "lines": ["print", "channel_shift"] } } }
            """);
        var s = set.ForService("W06000001", "bins");
        Assert.Equal((new Month(2022, 10), new Month(2023, 9)), (s.BaselineFrom, s.BaselineTo));
        Assert.Equal([BenefitLine.ChannelShift, BenefitLine.Print], s.Lines);
    }

    [Fact]
    public void Consortium_apportionment_defaults_to_equal()
    {
        var set = AssumptionSet.Parse("""{ "version": "v1", "consortia": { "north-wales": { "apportionment": "population" } } }""");
        Assert.Equal("population", set.ForCouncil("W06000001", "north-wales").Apportionment);
        Assert.Equal("population", set.ForConsortium("north-wales").Apportionment);
        Assert.Equal("equal", set.ForCouncil("W06000001", "elsewhere").Apportionment);
    }

    [Fact]
    public void A_service_not_in_the_file_is_an_error_naming_it()
    {
        var e = Assert.Throws<AssumptionsException>(() => AssumptionSet.Parse(Minimal).ForService("W06000001", "parking"));
        Assert.Equal("services.parking", e.Path);
        Assert.Contains("'parking'", e.Message);
    }
}
