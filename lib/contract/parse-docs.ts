import type { z } from 'zod';

export type WithId<T> = T & { id: string };

/** A document that failed its contract schema: where it is and which fields are wrong, never their values. */
export type SkippedDoc = { path: string; problems: string[] };

export type ParsedDocs<T> = { items: WithId<T>[]; skipped: SkippedDoc[] };

type DocLike = { id: string; ref: { path: string }; data(): unknown };

/** A malformed document is reported and skipped, so one bad entry never takes a page down. */
export function parseDocs<S extends z.ZodType>(schema: S, docs: readonly DocLike[]): ParsedDocs<z.output<S>> {
  const items: WithId<z.output<S>>[] = [];
  const skipped: SkippedDoc[] = [];
  for (const doc of docs) {
    const result = schema.safeParse(doc.data());
    if (result.success) {
      items.push({ ...(result.data as object), id: doc.id } as WithId<z.output<S>>);
    } else {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`);
      skipped.push({ path: doc.ref.path, problems });
    }
  }
  if (skipped.length > 0) reportSkipped(skipped);
  return { items, skipped };
}

export function parseDoc<S extends z.ZodType>(schema: S, doc: DocLike): WithId<z.output<S>> | null {
  return parseDocs(schema, [doc]).items[0] ?? null;
}

function reportSkipped(skipped: SkippedDoc[]) {
  for (const doc of skipped) {
    // Paths and field names only: document values may be health data.
    console.warn(`[contract] skipped malformed document ${doc.path}: ${doc.problems.join('; ')}`);
  }
}
