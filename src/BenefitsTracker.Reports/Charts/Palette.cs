using ScottPlot;

namespace BenefitsTracker.Reports.Charts;

/// <summary>Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.</summary>
public static class Palette
{
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color Green = Color.FromHex("#009E73");
    public static readonly Color Yellow = Color.FromHex("#F0E442");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color Purple = Color.FromHex("#CC79A7");
    public static readonly Color Black = Color.FromHex("#000000");

    /// <summary>In order of use; yellow last, as it is faint on white.</summary>
    public static readonly IReadOnlyList<Color> Series = [Blue, Orange, Green, Vermillion, SkyBlue, Purple, Black, Yellow];

    public static Color ForIndex(int i) => Series[i % Series.Count];
}
