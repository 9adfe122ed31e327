using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class UsageRollupConfiguration : IEntityTypeConfiguration<UsageRollupRow>
{
    public void Configure(EntityTypeBuilder<UsageRollupRow> b)
    {
        b.ToTable("usage_rollups");
        b.HasKey(x => new { x.CouncilCode, x.Service, x.Channel, x.Month });
        b.Property(x => x.CouncilCode).HasMaxLength(9);
        b.Property(x => x.Service).HasMaxLength(100);
        b.Property(x => x.Channel).HasMaxLength(20);
    }
}
