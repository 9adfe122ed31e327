using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRunRow>
{
    public void Configure(EntityTypeBuilder<JobRunRow> b)
    {
        b.ToTable("job_runs");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Job, x.Id });
        b.Property(x => x.Job).HasMaxLength(50);
        b.Property(x => x.Trigger).HasMaxLength(20);
        b.Property(x => x.Outcome).HasMaxLength(20);
        b.Property(x => x.Node).HasMaxLength(200);
    }
}
