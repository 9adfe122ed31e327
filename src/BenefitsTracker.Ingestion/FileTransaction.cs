using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BenefitsTracker.Ingestion;

/// <summary>
/// A file's transaction: Entity Framework's, or one begun on the SQLite connection before Entity Framework is first used
/// (<see cref="Data.Sqlite.SqliteIngestStart"/>) and handed to it once the rows are loaded (<see cref="Attach"/>).
/// Disposed uncommitted, it rolls back either way.
/// </summary>
internal sealed class FileTransaction : IAsyncDisposable
{
    private IDbContextTransaction? _ef;

    public FileTransaction(IDbContextTransaction ef) => _ef = ef;

    public FileTransaction(DbTransaction started) => Started = started;

    /// <summary>The transaction begun on the connection itself; null when Entity Framework began it.</summary>
    public DbTransaction? Started { get; }

    /// <summary>From here on the context's commands run in this transaction.</summary>
    public void Attach(DbContext db)
    {
        if (Started is not null && _ef is null) _ef = db.Database.UseTransaction(Started);
    }

    public Task CommitAsync(CancellationToken ct) => _ef?.CommitAsync(ct) ?? Started!.CommitAsync(ct);

    public Task RollbackAsync(CancellationToken ct) => _ef?.RollbackAsync(ct) ?? Started!.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        // Entity Framework's wrapper of a transaction it did not begin leaves it open: the transaction's own Dispose rolls
        // back what was not committed.
        if (_ef is not null) await _ef.DisposeAsync();
        if (Started is not null) await Started.DisposeAsync();
    }
}
