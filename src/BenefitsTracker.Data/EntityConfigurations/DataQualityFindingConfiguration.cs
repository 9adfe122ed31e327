using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class DataQualityFindingConfiguration : IEntityTypeConfiguration<DataQualityFindingRow>
{
    public void Configure(EntityTypeBuilder<DataQualityFindingRow> b)
    {
        b.ToTable("data_quality_findings");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CouncilCode);
        b.Property(x => x.Kind).HasMaxLength(30);
        b.Property(x => x.CouncilCode).HasMaxLength(100);
        b.Property(x => x.Service).HasMaxLength(100);
    }
}
