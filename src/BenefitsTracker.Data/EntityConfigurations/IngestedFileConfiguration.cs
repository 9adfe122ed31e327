using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class IngestedFileConfiguration : IEntityTypeConfiguration<IngestedFileRow>
{
    public void Configure(EntityTypeBuilder<IngestedFileRow> b)
    {
        b.ToTable("ingested_files");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Sha256).IsUnique();
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Format).HasMaxLength(10);
    }
}
