using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BenefitsTracker.Reports;

/// <summary>
/// A report's output folder replaced as one set: everything is written into a temporary folder beside it
/// (<c>.NAME.partial-PID</c>), then swapped in with one rename. A reader sees the old set or the new one, never
/// a mixture; a run killed before the swap leaves the old set untouched, and its temporary folder is cleared by
/// the next run.
/// </summary>
public static class OutputFolder
{
    private const string PartialTag = ".partial-", OldTag = ".old-";

    /// <summary>What a report writes into its folder; anything else there means the folder is not a report's.</summary>
    public static readonly IReadOnlyList<string> ReportEntries =
        [ReportWriter.WorkbookFile, ReportWriter.HtmlFile, ReportWriter.ChartsFolder, ReportWriter.ManifestFile, Register.BenefitsRegister.CsvFile,
            // In Welsh (issue 15): report.cy.html, savings.cy.xlsx and benefits-register.cy.csv.
            ReportWriter.HtmlFileFor(Localisation.ReportLanguage.Cy), ReportWriter.WorkbookFileFor(Localisation.ReportLanguage.Cy),
            Register.BenefitsRegister.CsvFileFor(Localisation.ReportLanguage.Cy)];

    /// <summary>Writes a new set with <paramref name="write"/> (given the temporary folder) and swaps it in for <paramref name="folder"/>.</summary>
    /// <exception cref="ReportOutputException">The folder is a file, or holds files a report did not write.</exception>
    public static void Replace(string folder, Action<string> write)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(target) ?? throw new ReportOutputException($"--out {folder}: cannot write a report over the root folder");
        var name = Path.GetFileName(target);
        if (File.Exists(target)) throw new ReportOutputException($"--out {folder} is a file; give a folder for the report's files");
        Directory.CreateDirectory(parent);
        ClearLeftovers(parent, name, target);
        if (Directory.Exists(target) && Foreign(target) is { } foreign)
            throw new ReportOutputException(
                $"--out {folder} holds '{foreign}', which a report did not write; the report replaces its whole folder, so give an empty or new " +
                    $"folder (or the report's own)");

        var temp = Path.Combine(parent, $".{name}{PartialTag}{Environment.ProcessId}");
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        try
        {
            write(temp);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        Swap(temp, target, Path.Combine(parent, $".{name}{OldTag}{Environment.ProcessId}"));
    }

    /// <summary>The first entry of <paramref name="folder"/> that a report does not write, or null.</summary>
    private static string? Foreign(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName)
            // Older versions wrote the workbook through a temporary name beside it; a killed run left those.
            .FirstOrDefault(e => !ReportEntries.Contains(e!, StringComparer.Ordinal)
                && !(e!.StartsWith(".savings.", StringComparison.Ordinal) && e.EndsWith(".partial.xlsx", StringComparison.Ordinal)));

    private static void Swap(string temp, string target, string old)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }
        // Linux swaps two folders in one step (renameat2 RENAME_EXCHANGE); the old set then sits at the temporary name.
        if (OperatingSystem.IsLinux() && Exchange(temp, target))
        {
            TryDelete(temp);
            return;
        }
        // Elsewhere: two renames. Killed between them, the target is missing and the old set waits at .NAME.old-PID,
        // which the next run puts back before anything else (ClearLeftovers).
        Directory.Move(target, old);
        Directory.Move(temp, target);
        TryDelete(old);
    }

    /// <summary>Removes what killed runs left beside <paramref name="target"/>; puts an old set back if the swap was cut between its
    /// renames.</summary>
    private static void ClearLeftovers(string parent, string name, string target)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            var leaf = Path.GetFileName(dir);
            var tag = leaf.Contains(PartialTag, StringComparison.Ordinal) ? PartialTag
                : leaf.Contains(OldTag, StringComparison.Ordinal) ? OldTag : null;
            if (tag is null || !int.TryParse(leaf[(leaf.LastIndexOf(tag, StringComparison.Ordinal) + tag.Length)..], out var pid)) continue;
            if (leaf != $".{name}{tag}{pid}" || (pid != Environment.ProcessId && IsRunning(pid))) continue;
            if (tag == OldTag && !Directory.Exists(target)) Directory.Move(dir, target);
            else TryDelete(dir);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirFd,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    private static bool Exchange(string a, string b)
    {
        try { return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0; }
        catch (EntryPointNotFoundException) { return false; }
        catch (DllNotFoundException) { return false; }
    }
}

/// <summary>The report's output folder cannot be used as given: exit 2 with this message.</summary>
public sealed class ReportOutputException(string message) : Exception(message);
