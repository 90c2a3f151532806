import 'server-only';
import type { Readable } from 'node:stream';
import { FieldPath, Timestamp, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import type { UserScope } from '@/lib/auth/scope';
import { countReads, runCount } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { readDeadlineMs, withDeadline } from '@/lib/firebase/with-deadline';

export type PageOptions = { dateField: string | null; fromMs: number | null; toMs: number | null; pageSize?: number };

/** Id order reaches every document, even one missing a date field; the stream may run ahead, so keep pages small. */
export async function* pageUserCollection(
  scope: UserScope,
  collection: string,
  options: PageOptions,
): AsyncGenerator<QueryDocumentSnapshot[]> {
  const pageSize = options.pageSize ?? 500;
  const stream = rangeQuery(scope, collection, options).stream() as Readable;
  const documents = stream[Symbol.asyncIterator]() as AsyncIterator<QueryDocumentSnapshot>;
  let page: QueryDocumentSnapshot[] = [];
  try {
    for (;;) {
      const next = await withDeadline(documents.next(), 'reading your data', readDeadlineMs());
      if (next.done) break;
      page.push(next.value);
      if (page.length === pageSize) {
        countReads(page.length);
        yield page;
        page = [];
      }
    }
    // A query is billed at least one read, even when it matches nothing.
    countReads(Math.max(1, page.length));
    if (page.length > 0) yield page;
  } finally {
    stream.destroy();
  }
}

/** Asks for the first page now, before anyone iterates: the caller overlaps that read with its own work. */
export function startEarly<T>(pages: AsyncGenerator<T>): AsyncGenerator<T> {
  const first = pages.next();
  first.catch(() => undefined);
  return (async function* () {
    const head = await first;
    if (head.done) return;
    yield head.value;
    yield* pages;
  })();
}

export async function countUserCollection(scope: UserScope, collection: string, options: PageOptions): Promise<number> {
  return withDeadline(runCount(rangeQuery(scope, collection, options)), 'counting your data');
}

function rangeQuery(scope: UserScope, collection: string, options: PageOptions): Query {
  let query: Query = userCollection(scope, collection);
  const { dateField, fromMs, toMs } = options;
  if (dateField && (fromMs !== null || toMs !== null)) {
    if (fromMs !== null) query = query.where(dateField, '>=', Timestamp.fromMillis(fromMs));
    if (toMs !== null) query = query.where(dateField, '<', Timestamp.fromMillis(toMs));
    return query.orderBy(dateField).orderBy(FieldPath.documentId());
  }
  return query.orderBy(FieldPath.documentId());
}
