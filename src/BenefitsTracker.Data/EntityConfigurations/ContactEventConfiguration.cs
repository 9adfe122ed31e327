using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class ContactEventConfiguration : IEntityTypeConfiguration<ContactEventRow>
{
    public void Configure(EntityTypeBuilder<ContactEventRow> b)
    {
        b.ToTable("contact_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CouncilCode, x.Service });
        b.Property(x => x.CouncilCode).HasMaxLength(9);
        b.Property(x => x.Service).HasMaxLength(100);
        b.Property(x => x.UserRef).HasMaxLength(200);
        b.Property(x => x.Channel).HasMaxLength(20);
    }
}
