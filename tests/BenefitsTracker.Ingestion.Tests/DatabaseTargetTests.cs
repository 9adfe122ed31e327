using BenefitsTracker.Data;

namespace BenefitsTracker.Ingestion.Tests;

public class DatabaseTargetTests
{
    [Fact]
    public void Sqlite_paths_are_taken_from_the_current_folder()
    {
        var t = DatabaseTarget.Parse("sqlite:data/x.db");
        Assert.Equal(DatabaseProvider.Sqlite, t.Provider);
        Assert.Equal(Path.GetFullPath("data/x.db"), t.Location);
    }

    [Fact]
    public void The_option_wins_over_the_variable_which_wins_over_the_default()
    {
        Assert.Equal(Path.GetFullPath("a.db"), DatabaseTarget.Resolve("sqlite:a.db", "sqlite:b.db").Location);
        Assert.Equal(Path.GetFullPath("b.db"), DatabaseTarget.Resolve(null, "sqlite:b.db").Location);
        Assert.Equal(Path.GetFullPath(Path.Combine("data", "benefits.db")), DatabaseTarget.Resolve(null, "").Location);
    }

    [Theory]
    [InlineData("mysql:x")]
    [InlineData("sqlite:")]
    [InlineData("benefits.db")]
    [InlineData("postgres:")]
    public void Anything_else_is_refused_with_the_forms_that_work(string spec)
    {
        var e = Assert.Throws<FormatException>(() => DatabaseTarget.Parse(spec));
        Assert.Contains("sqlite:", e.Message);
    }

    [Fact]
    public void Postgres_parses_hides_the_password_and_refuses_a_connection_string_it_cannot_read()
    {
        var t = DatabaseTarget.Parse("postgres:Host=db;Database=benefits;Username=u;Password=secret");
        Assert.Equal(DatabaseProvider.Postgres, t.Provider);
        Assert.Equal("Host=db;Database=benefits;Username=u;Password=secret", t.Location);
        Assert.DoesNotContain("secret", t.ToString());
        Assert.Equal(DatabaseProvider.Postgres, DatabaseTarget.Parse("postgresql:Host=db").Provider);

        Assert.False(DatabaseTarget.TryParse("postgres:Hots=db;Database=x", out _, out var problem));
        Assert.Contains("connection string is not valid", problem);
        Assert.Contains("hots", problem, StringComparison.OrdinalIgnoreCase);
        Assert.False(DatabaseTarget.TryParse("postgres:", out _, out problem));
        Assert.Contains("has no connection string", problem);
    }

    [Fact]
    public async Task Opening_creates_the_folder_and_the_schema_and_reopening_is_harmless()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bt-open-" + Guid.NewGuid().ToString("N")[..8]);
        var target = DatabaseTarget.Parse($"sqlite:{folder}/nested/benefits.db");
        try
        {
            await using (var db = await BenefitsStore.OpenAsync(target))
                Assert.Empty(await new StoreQueries(db).CouncilCodesAsync());
            await using (var db = await BenefitsStore.OpenAsync(target))
            {
                var q = new StoreQueries(db);
                Assert.Null(await q.LoadCouncilAsync("W06000003"));
                Assert.Null(await q.LatestAssumptionsAsync());
                Assert.Equal((null, null), await q.DataRangeAsync());
            }
            Assert.True(File.Exists(target.Location));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
