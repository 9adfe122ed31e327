namespace BenefitsTracker.Application.Ingest;

/// <summary>How a request body holds its rows: one JSON array, or one JSON object per line (NDJSON).</summary>
public enum BodyFormat { JsonArray, Ndjson }
