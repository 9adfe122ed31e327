using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class AssumptionSetConfiguration : IEntityTypeConfiguration<AssumptionSetRow>
{
    public void Configure(EntityTypeBuilder<AssumptionSetRow> b)
    {
        b.ToTable("assumption_sets");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Sha256);
        b.Property(x => x.Version).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}
