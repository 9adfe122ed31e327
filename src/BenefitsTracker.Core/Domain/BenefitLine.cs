namespace BenefitsTracker.Core.Domain;

/// <summary>The benefit lines of METHOD.md, in the order reports show them.</summary>
public enum BenefitLine
{
    /// <summary>METHOD.md line 1: what transactions would have cost at the baseline channel mix, less what they cost.</summary>
    ChannelShift,
    /// <summary>METHOD.md line 2: back-office minutes not spent against the baseline mean, valued at the hourly cost.</summary>
    OfficerTime,
    /// <summary>METHOD.md line 3: print spend avoided against the baseline's monthly average.</summary>
    Print,
    /// <summary>METHOD.md line 3: postage spend avoided against the baseline's monthly average.</summary>
    Postage,
    /// <summary>METHOD.md line 4 (a dis-benefit): failures online followed within 7 days by an offline completion.</summary>
    AvoidableContact,
}
