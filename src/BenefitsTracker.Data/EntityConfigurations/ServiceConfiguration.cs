using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<ServiceRow>
{
    public void Configure(EntityTypeBuilder<ServiceRow> b)
    {
        b.ToTable("services");
        b.HasKey(x => x.Slug);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}
