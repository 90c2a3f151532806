/** docs/data-rights.md, "Limits, and nothing written before everything is checked". */
export const IMPORT_LIMITS = {
  maxUploadBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 10_000,
  /** Only top-level JSON files are read: a thousand tiny ones would otherwise each cost an inflate and a parse. */
  maxZipFilesRead: 100,
  maxDocuments: 100_000,
} as const;

export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };
