import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import { encodeFields } from '@/lib/export/typed-json';

export type DatabaseDoc = { path: string; json: string; updateTime: string | null };

/** Every document in the database, top-level collections and every subcollection, including missing parents. */
export async function walkDatabase(db: Firestore): Promise<DatabaseDoc[]> {
  const out: DatabaseDoc[] = [];
  const visitDoc = async (ref: DocumentReference) => {
    const snapshot = await ref.get();
    out.push({
      path: ref.path,
      json: snapshot.exists ? JSON.stringify(encodeFields(snapshot.data()!)) : '(missing)',
      updateTime: snapshot.updateTime?.toDate().toISOString() ?? null,
    });
    for (const collection of await ref.listCollections())
      for (const doc of await collection.listDocuments()) await visitDoc(doc);
  };
  for (const collection of await db.listCollections())
    for (const doc of await collection.listDocuments()) await visitDoc(doc);
  return out;
}
