import 'server-only';
import type { DocumentReference } from 'firebase-admin/firestore';
import { adminDb } from '@/lib/firebase/admin';
import { FILE_CHUNKS } from './stored-file';

export async function deleteStoredFiles(parent: DocumentReference): Promise<void> {
  await adminDb().recursiveDelete(parent.collection(FILE_CHUNKS));
}
