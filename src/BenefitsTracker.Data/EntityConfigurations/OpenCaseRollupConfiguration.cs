using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class OpenCaseRollupConfiguration : IEntityTypeConfiguration<OpenCaseRollupRow>
{
    public void Configure(EntityTypeBuilder<OpenCaseRollupRow> b)
    {
        b.ToTable("open_case_rollups");
        b.HasKey(x => new { x.CouncilCode, x.Service, x.Month });
        b.Property(x => x.CouncilCode).HasMaxLength(9);
        b.Property(x => x.Service).HasMaxLength(100);
    }
}
