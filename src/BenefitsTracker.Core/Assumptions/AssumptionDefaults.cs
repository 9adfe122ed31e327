using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>The values used where the file says nothing (METHOD.md, Inputs and Adjustments).</summary>
public static class AssumptionDefaults
{
    /// <summary>Socitm Channel Value Benchmarking, 2011 cohorts, median cost per contact.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> UnitCosts = new Dictionary<string, decimal>
    {
        [Channels.FaceToFace] = 8.62m,
        [Channels.Phone] = 2.83m,
        [Channels.Web] = 0.15m,
    };

    /// <summary>
    /// The price year of the default unit costs: Socitm's 2011 cohorts costed 2010-11 (METHOD.md v2, Real prices), so the
    /// defaults are uprated with the GDP deflators to the prices of each month they value.
    /// </summary>
    public static readonly FinancialYear UnitCostPriceYear = new(2010);

    /// <summary>The channels counted as digital (take-up, avoidable contact): web and app.</summary>
    public static readonly IReadOnlyList<string> DigitalChannels = [Channels.Web, Channels.App];
    /// <summary>The Green Book discount rate r: 3.5% a year.</summary>
    public const decimal DiscountRate = 0.035m;
    /// <summary>No deadweight, full attribution, no optimism bias: adjusted benefit equals gross.</summary>
    public static readonly Adjustments Adjustments = Model.Adjustments.None;

    /// <summary>Channel shift and officer time are savings in kind unless a council says otherwise; avoided print and postage are cash.</summary>
    public static readonly IReadOnlyDictionary<BenefitLine, bool> Cashable = new Dictionary<BenefitLine, bool>
    {
        [BenefitLine.ChannelShift] = false,
        [BenefitLine.OfficerTime] = false,
        [BenefitLine.Print] = true,
        [BenefitLine.Postage] = true,
    };

    /// <summary>Counts below this are suppressed in published figures (10).</summary>
    public const int SuppressionThreshold = 10;
    /// <summary>The baseline B, when a service gives none: the 12 months before go-live.</summary>
    public const int BaselineMonths = 12;
    /// <summary>How a consortium's shared costs are split when the file does not say: equally among members.</summary>
    public const string Apportionment = "equal";
}
