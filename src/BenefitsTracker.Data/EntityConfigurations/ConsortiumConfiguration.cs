using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class ConsortiumConfiguration : IEntityTypeConfiguration<ConsortiumRow>
{
    public void Configure(EntityTypeBuilder<ConsortiumRow> b)
    {
        b.ToTable("consortia");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}
