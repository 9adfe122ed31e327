using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKeyRow>
{
    public void Configure(EntityTypeBuilder<ApiKeyRow> b)
    {
        b.ToTable("api_keys");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.Property(x => x.CouncilCode).HasMaxLength(9);
        b.Property(x => x.Label).HasMaxLength(200);
        b.Property(x => x.ConsortiumId).HasMaxLength(100);
        b.Property(x => x.Scope).HasMaxLength(20).HasDefaultValue("write");
    }
}
