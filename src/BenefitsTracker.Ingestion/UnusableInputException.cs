namespace BenefitsTracker.Ingestion;

/// <summary>
/// A file that cannot be ingested at all (unknown or missing columns, binary, not UTF-8, ...). Nothing from it is
/// in the store. Files before it in the same call were committed, each in its own transaction, and are listed in
/// <see cref="Completed"/>. The CLI exits 2.
/// </summary>
public sealed class UnusableInputException(string file, string problem, Exception? inner = null)
    : Exception($"{file}: {problem}", inner)
{
    public string File { get; } = file;
    public string Problem { get; } = problem;
    public IReadOnlyList<FileResult> Completed { get; internal set; } = [];
}
