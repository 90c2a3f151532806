import 'server-only';
import type { CollectionReference, DocumentReference } from 'firebase-admin/firestore';
import { AppError } from '@/lib/errors/app-error';
import { assertUserScope, type UserScope } from '@/lib/auth/scope';
import { DEVICES, SETTINGS, SYNC_SETTINGS_DOC, USERS } from '@/lib/contract/paths';
import { adminDb } from './admin';

export function userRef(scope: UserScope): DocumentReference {
  return adminDb().collection(USERS).doc(assertUserScope(scope));
}

export function userCollection(scope: UserScope, collection: string): CollectionReference {
  return userRef(scope).collection(collection);
}

/** A document id from outside (URL, request body): a slash would address another path, so it is refused here too. */
export const DOC_ID_PATTERN = /^(?!\.\.?$)(?!__.*__$)[^/]{1,512}$/;

export function checkedDocId(id: string): string {
  if (typeof id !== 'string' || !DOC_ID_PATTERN.test(id)) throw new AppError('not-found', 'Not found.');
  return id;
}

export function userDocRef(scope: UserScope, collection: string, id: string): DocumentReference {
  return userCollection(scope, collection).doc(checkedDocId(id));
}

export function deviceRef(scope: UserScope, deviceId: string): DocumentReference {
  return userDocRef(scope, DEVICES, deviceId);
}

export function syncSettingsRef(scope: UserScope): DocumentReference {
  return userCollection(scope, SETTINGS).doc(SYNC_SETTINGS_DOC);
}
