using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BenefitsTracker.Data.EntityConfigurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CaseRow>
{
    public void Configure(EntityTypeBuilder<CaseRow> b)
    {
        b.ToTable("cases");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CouncilCode, x.CaseId }).IsUnique();
        b.Property(x => x.CouncilCode).HasMaxLength(9);
        b.Property(x => x.CaseId).HasMaxLength(200);
        b.Property(x => x.Service).HasMaxLength(100);
        b.Property(x => x.Channel).HasMaxLength(20);
        b.Property(x => x.CaseType).HasMaxLength(100);
        b.Property(x => x.OfficerGrade).HasMaxLength(50);
    }
}
