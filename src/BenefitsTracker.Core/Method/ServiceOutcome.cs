using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>A service's figures: its working for reports, its months for summing, its bootstrap resamples.</summary>
internal sealed record ServiceOutcome(ServiceWorking Working, MonthFigures[] Months, decimal[]? OfficerSamples);
