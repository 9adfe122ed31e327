namespace BenefitsTracker.Core.Domain;

/// <summary>The benefit lines in report order, and their keys and titles.</summary>
public static class BenefitLines
{
    /// <summary>Every line, in the order reports show them.</summary>
    public static readonly IReadOnlyList<BenefitLine> All =
        [BenefitLine.ChannelShift, BenefitLine.OfficerTime, BenefitLine.Print, BenefitLine.Postage, BenefitLine.AvoidableContact];

    /// <summary>The snake_case key used in assumptions files and manifest.json.</summary>
    public static string Key(this BenefitLine line) => line switch
    {
        BenefitLine.ChannelShift => "channel_shift",
        BenefitLine.OfficerTime => "officer_time",
        BenefitLine.Print => "print",
        BenefitLine.Postage => "postage",
        BenefitLine.AvoidableContact => "avoidable_contact",
        _ => throw new ArgumentOutOfRangeException(nameof(line)),
    };

    /// <summary>A plain-English name for reports.</summary>
    public static string Title(this BenefitLine line) => line switch
    {
        BenefitLine.ChannelShift => "Channel shift",
        BenefitLine.OfficerTime => "Officer time released",
        BenefitLine.Print => "Print avoided",
        BenefitLine.Postage => "Postage avoided",
        BenefitLine.AvoidableContact => "Avoidable contact (failed online, then offline)",
        _ => throw new ArgumentOutOfRangeException(nameof(line)),
    };

    /// <summary>Reads a line from its snake_case <see cref="Key"/> ("channel_shift"); false for any other text.</summary>
    public static bool TryParse(string key, out BenefitLine line)
    {
        foreach (var l in All)
            if (l.Key() == key) { line = l; return true; }
        line = default;
        return false;
    }
}
