import 'server-only';
import { FieldPath, Timestamp, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import type { UserScope } from '@/lib/auth/scope';
import { runCount, runQuery } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { withDeadline } from '@/lib/firebase/with-deadline';

export type PageOptions = { dateField: string | null; fromMs: number | null; toMs: number | null; pageSize?: number };

/**
 * The documents of one of the user's collections, a page at a time. Without a date range it pages by document id,
 * which reaches every document, even one missing a date field; with one, by `[dateField, id]`. The next page is
 * fetched while the caller works on the current one.
 */
export async function* pageUserCollection(scope: UserScope, collection: string, options: PageOptions): AsyncGenerator<QueryDocumentSnapshot[]> {
  const pageSize = options.pageSize ?? 500;
  const base = rangeQuery(scope, collection, options);
  const ranged = options.dateField !== null && (options.fromMs !== null || options.toMs !== null);
  const fetchAfter = (last: QueryDocumentSnapshot | null) => {
    let query = base.limit(pageSize);
    if (last) query = ranged ? query.startAfter(last.get(options.dateField!), last.id) : query.startAfter(last.id);
    return withDeadline(runQuery(query), 'reading your data');
  };
  let next = fetchAfter(null);
  for (;;) {
    const page = await next;
    const last = page.docs.at(-1) ?? null;
    const more = page.size === pageSize && last !== null;
    if (more) {
      next = fetchAfter(last);
      next.catch(() => undefined);
    }
    if (page.size > 0) yield page.docs;
    if (!more) return;
  }
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
