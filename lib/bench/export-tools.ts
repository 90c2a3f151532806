/** The exports compared side by side in `npm run bench` (docs/benchmarks.md, "Export"). */
export const EXPORT_TOOLS = ['raw', 'wellsync', 'firestore-export-import', 'firestore-backfire'] as const;
export type ExportTool = (typeof EXPORT_TOOLS)[number];

/**
 * A journal entry whose `updatedAt` has microseconds (Firestore keeps timestamps to the microsecond), written into
 * the exported user so each tool's output can be read back and checked: still a Timestamp, and to the last digit.
 */
export const BENCH_MARKER = { id: 'bench-timestamp-marker', seconds: 1_764_000_000, nanoseconds: 123_456_000 };

export type ExportWorkerResult = {
  tool: ExportTool;
  ms: number;
  documents: number;
  bytes: number;
  maxRssMb: number;
  /** Peak RSS over the RSS just before the export began: what the export itself held. */
  rssGrowthMb: number;
  /** Read back from the tool's own output: a typed Timestamp, and equal to the stored one. Null for the raw read. */
  timestamps: { typed: boolean; exact: boolean } | null;
};
