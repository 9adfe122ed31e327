using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class IngestedFileOwnerConfiguration : IEntityTypeConfiguration<IngestedFileOwnerRow>
{
    public void Configure(EntityTypeBuilder<IngestedFileOwnerRow> b)
    {
        b.ToTable("ingested_file_owners");
        b.HasKey(x => new { x.FileId, x.Owner });
        b.HasIndex(x => x.Owner);
        b.Property(x => x.Owner).HasMaxLength(100);
        b.HasOne<IngestedFileRow>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
