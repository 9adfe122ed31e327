namespace BenefitsTracker.Core.Domain;

/// <summary>The benefit lines of METHOD.md, in the order reports show them.</summary>
public enum BenefitLine
{
    ChannelShift,
    OfficerTime,
    Print,
    Postage,
    AvoidableContact,
}
