namespace BenefitsTracker.Ingestion;

/// <summary>What an input file holds (SPEC.md, Input formats). <see cref="Auto"/> detects it from the columns.</summary>
public enum InputKind { Auto, Events, Cases, Costs, Councils, Assumptions }

public static class InputKinds
{
    public static string Key(this InputKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out InputKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);
}
