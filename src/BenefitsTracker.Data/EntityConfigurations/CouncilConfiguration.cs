using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<CouncilRow>
{
    public void Configure(EntityTypeBuilder<CouncilRow> b)
    {
        b.ToTable("councils");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(9);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.ConsortiumId).HasColumnName("consortium").HasMaxLength(100);
        b.HasIndex(x => x.ConsortiumId);
    }
}
