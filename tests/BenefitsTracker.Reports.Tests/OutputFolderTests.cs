namespace BenefitsTracker.Reports.Tests;

/// <summary>The output folder is replaced as one set, and what killed runs left is dealt with by the next.</summary>
public class OutputFolderTests
{
    private static string NewParent()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bt-outfolder-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void The_new_set_replaces_the_old_one_whole_and_nothing_is_left_beside_it()
    {
        var parent = NewParent();
        var out1 = Path.Combine(parent, "out");
        OutputFolder.Replace(out1,
            t => { File.WriteAllText(Path.Combine(t, "report.html"), "old"); File.WriteAllText(Path.Combine(t, "manifest.json"), "old"); });

        OutputFolder.Replace(out1, t =>
        {
            // While the new set is written, the old one is untouched where readers look.
            Assert.Equal("old", File.ReadAllText(Path.Combine(out1, "report.html")));
            File.WriteAllText(Path.Combine(t, "report.html"), "new");
        });

        Assert.Equal(["report.html"], Directory.GetFileSystemEntries(out1).Select(Path.GetFileName));
        Assert.Equal("new", File.ReadAllText(Path.Combine(out1, "report.html")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        Directory.Delete(parent, true);
    }

    [Fact]
    public void A_report_written_again_into_its_own_folder_replaces_every_file_it_wrote()
    {
        // Every file the writer puts in a report's folder must count as the report's own, or the second run refuses
        // the folder (the benefits register's CSV once did).
        var parent = NewParent();
        var out1 = Path.Combine(parent, "out");
        ReportWriter.WriteSet(Results.WorkedExampleResult, out1, DateTimeOffset.UnixEpoch);
        var written = Directory.GetFileSystemEntries(out1).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        ReportWriter.WriteSet(Results.WorkedExampleResult, out1, DateTimeOffset.UnixEpoch);

        Assert.Equal(written, Directory.GetFileSystemEntries(out1).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        Assert.All(written, e => Assert.Contains(e, OutputFolder.ReportEntries));
        Directory.Delete(parent, true);
    }

    [Fact]
    public void A_failed_write_leaves_the_old_set_and_no_temporary_folder()
    {
        var parent = NewParent();
        var out1 = Path.Combine(parent, "out");
        OutputFolder.Replace(out1, t => File.WriteAllText(Path.Combine(t, "report.html"), "old"));

        Assert.Throws<IOException>(() => OutputFolder.Replace(out1, t =>
        {
            File.WriteAllText(Path.Combine(t, "report.html"), "half");
            throw new IOException("No space left on device");
        }));

        Assert.Equal("old", File.ReadAllText(Path.Combine(out1, "report.html")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        Directory.Delete(parent, true);
    }

    [Fact]
    public void What_a_killed_run_left_is_cleared_and_an_old_set_cut_off_mid_swap_is_put_back_first()
    {
        var parent = NewParent();
        var out1 = Path.Combine(parent, "out");
        // A dead run (no such process) left a half-written set, and another was killed between the two renames.
        const int dead = 999_999_999;
        Directory.CreateDirectory(Path.Combine(parent, $".out.partial-{dead}"));
        File.WriteAllText(Path.Combine(parent, $".out.partial-{dead}", "report.html"), "half");
        Directory.CreateDirectory(Path.Combine(parent, $".out.old-{dead}"));
        File.WriteAllText(Path.Combine(parent, $".out.old-{dead}", "report.html"), "old");

        string? seen = null;
        OutputFolder.Replace(out1, t =>
        {
            seen = File.ReadAllText(Path.Combine(out1, "report.html"));
            File.WriteAllText(Path.Combine(t, "report.html"), "new");
        });

        Assert.Equal("old", seen);
        Assert.Equal("new", File.ReadAllText(Path.Combine(out1, "report.html")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        Directory.Delete(parent, true);
    }

    [Fact]
    public void A_folder_holding_files_a_report_did_not_write_is_refused_untouched()
    {
        var parent = NewParent();
        File.WriteAllText(Path.Combine(parent, "thesis.docx"), "mine");

        var e = Assert.Throws<ReportOutputException>(() => OutputFolder.Replace(parent, t => File.WriteAllText(Path.Combine(t, "report.html"), "x")));

        Assert.Contains("'thesis.docx'", e.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(parent, "thesis.docx")));
        Directory.Delete(parent, true);
    }
}
