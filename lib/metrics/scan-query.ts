import 'server-only';
import type { Query, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { runQuery } from '@/lib/firebase/metered';

export async function scanQuery(
  query: Query,
  onPage: (docs: QueryDocumentSnapshot[]) => void | Promise<void>,
  pageSize = 1000,
): Promise<number> {
  let last: QueryDocumentSnapshot | undefined;
  let total = 0;
  for (;;) {
    const page = await runQuery((last ? query.startAfter(last) : query).limit(pageSize));
    if (page.empty) break;
    total += page.size;
    await onPage(page.docs);
    if (page.size < pageSize) break;
    last = page.docs.at(-1);
  }
  return total;
}
