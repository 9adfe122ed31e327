using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class ClosedCaseRollupConfiguration : IEntityTypeConfiguration<ClosedCaseRollupRow>
{
    public void Configure(EntityTypeBuilder<ClosedCaseRollupRow> b)
    {
        b.ToTable("closed_case_rollups");
        b.HasKey(x => new { x.CouncilCode, x.Service, x.Month, x.Grade, x.MinutesHundredths });
        b.Property(x => x.CouncilCode).HasMaxLength(9);
        b.Property(x => x.Service).HasMaxLength(100);
        b.Property(x => x.Grade).HasMaxLength(50);
    }
}
