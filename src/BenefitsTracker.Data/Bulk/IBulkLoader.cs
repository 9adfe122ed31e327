namespace BenefitsTracker.Data.Bulk;

/// <summary>
/// A provider's native bulk path (SQLite: prepared statements through the raw API; PostgreSQL: binary COPY),
/// working inside the transaction already open on the context's connection. Text arrives as UTF-8 spans;
/// an empty span with <c>Has…</c> false is NULL. Not thread-safe: one thread at a time.
/// </summary>
public interface IBulkLoader : IDisposable
{
    /// <summary>Inserts an event; false when its event_id is already stored (a duplicate, nothing written).</summary>
    bool AddEvent(in EventRecord row);

    /// <summary>Inserts a case; false when the council already has that case_id (a duplicate, nothing written).</summary>
    bool AddCase(in CaseRecord row);

    void AddCostLine(in CostRecord row);

    /// <summary>Inserts a row of the narrow contact table (completed/failed transactions with a user_ref).</summary>
    void AddContact(in ContactRecord row);

    /// <summary>Adds the counts to the rollups, creating rows that do not exist yet.</summary>
    void MergeRollups(RollupDelta delta);
}
