export const EXPORT_TOOLS = ['raw', 'wellsync', 'firestore-export-import', 'firestore-backfire'] as const;
export type ExportTool = (typeof EXPORT_TOOLS)[number];

/** `updatedAt` with microseconds, read back from each tool's output to check it stays a Timestamp, exactly. */
export const BENCH_MARKER = { id: 'bench-timestamp-marker', seconds: 1_764_000_000, nanoseconds: 123_456_000 };

export type ExportWorkerResult = {
  tool: ExportTool;
  ms: number;
  documents: number;
  bytes: number;
  maxRssMb: number;
  rssGrowthMb: number;
  timestamps: { typed: boolean; exact: boolean } | null;
};
