/** Limits on an uploaded import (docs/data-rights.md, "Import limits"). Each refusal names the limit. */
export const IMPORT_LIMITS = {
  /** The upload itself. */
  maxUploadBytes: 50 * 1024 * 1024,
  /** All files of a ZIP together, once inflated. */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** How much one ZIP member may expand (a zip bomb expands thousands of times). */
  maxCompressionRatio: 200,
  /** Files in a ZIP (a Day One export has a JSON file per journal, plus photos we skip). */
  maxZipEntries: 10_000,
  /**
   * Files of a ZIP that are read (inflated and parsed): its top-level JSON files. Day One writes one per journal,
   * and a wellsync export one in all; a thousand tiny JSON files would otherwise each cost an inflate and a parse.
   */
  maxZipFilesRead: 100,
  /** Documents in one import, all kinds together. */
  maxDocuments: 100_000,
} as const;

/** The same limits as plain numbers, so a caller (a test, a smaller deployment) can pass its own. */
export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };
