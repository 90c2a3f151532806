import 'server-only';
import type { CollectionReference } from 'firebase-admin/firestore';
import { adminDb } from '@/lib/firebase/admin';

/** Every admin action and privilege change, one document each; the server's alone (firestore.rules). */
export const AUDIT_LOG = 'audit_log';

export const auditLogCollection = (): CollectionReference => adminDb().collection(AUDIT_LOG);
