using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class CostLineConfiguration : IEntityTypeConfiguration<CostLineRow>
{
    public void Configure(EntityTypeBuilder<CostLineRow> b)
    {
        b.ToTable("cost_lines");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CouncilCode);
        b.HasIndex(x => x.ConsortiumId);
        b.Property(x => x.CouncilCode).HasMaxLength(9);
        b.Property(x => x.ConsortiumId).HasColumnName("consortium").HasMaxLength(100);
        b.Property(x => x.Service).HasMaxLength(100);
        b.Property(x => x.Category).HasMaxLength(20);
        b.Property(x => x.Reference).HasMaxLength(200);
    }
}
