using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class UsageEventConfiguration : IEntityTypeConfiguration<UsageEventRow>
{
    public void Configure(EntityTypeBuilder<UsageEventRow> b)
    {
        b.ToTable("usage_events");
        b.HasKey(x => x.Id);
        // Rows arrive only through the bulk loader, which leaves the id to the database (a plain rowid on SQLite:
        // AUTOINCREMENT would add a sqlite_sequence update per row for nothing). PostgreSQL will want an identity
        // column here instead, set in OnModelCreating when Database.IsNpgsql().
        b.Property(x => x.Id).ValueGeneratedNever();
        // Unique per council when present: councils' systems share id spaces, so another council's event 1001 is
        // not a duplicate of this one's (cases are keyed the same way). NULLs are distinct in SQLite and PostgreSQL.
        b.HasIndex(x => new { x.CouncilCode, x.EventId }).IsUnique();
        b.Property(x => x.EventId).HasMaxLength(200);
        b.Property(x => x.CouncilCode).HasMaxLength(9);
        b.Property(x => x.Service).HasMaxLength(100);
        b.Property(x => x.Channel).HasMaxLength(20);
        b.Property(x => x.EventType).HasMaxLength(40);
        b.Property(x => x.CaseId).HasMaxLength(200);
        b.Property(x => x.UserRef).HasMaxLength(200);
    }
}
