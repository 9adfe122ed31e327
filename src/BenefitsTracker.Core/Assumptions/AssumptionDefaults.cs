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

    public static readonly IReadOnlyList<string> DigitalChannels = [Channels.Web, Channels.App];
    public const decimal DiscountRate = 0.035m;
    public static readonly Adjustments Adjustments = Model.Adjustments.None;

    /// <summary>Channel shift and officer time are savings in kind unless a council says otherwise; avoided print and postage are cash.</summary>
    public static readonly IReadOnlyDictionary<BenefitLine, bool> Cashable = new Dictionary<BenefitLine, bool>
    {
        [BenefitLine.ChannelShift] = false,
        [BenefitLine.OfficerTime] = false,
        [BenefitLine.Print] = true,
        [BenefitLine.Postage] = true,
    };

    public const int SuppressionThreshold = 10;
    public const int BaselineMonths = 12;
    public const string Apportionment = "equal";
}
