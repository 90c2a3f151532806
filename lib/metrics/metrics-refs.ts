import 'server-only';
import type { CollectionReference, DocumentReference } from 'firebase-admin/firestore';
import { adminDb } from '@/lib/firebase/admin';

// `metrics/` is server-written and admin-readable (firestore.rules); `internal/` is the server's alone.
export const METRICS = 'metrics';

const rollups = () => adminDb().collection(METRICS).doc('rollups');

export const rollupStateRef = (): DocumentReference => adminDb().collection(METRICS).doc('state');
export const syncDaysCollection = (): CollectionReference => rollups().collection('sync_days');
export const syncDaysRef = (month: string): DocumentReference => syncDaysCollection().doc(month);
export const syncHoursRef = (day: string): DocumentReference => rollups().collection('sync_hours').doc(day);
export const fleetDaysRef = (month: string): DocumentReference => rollups().collection('fleet_days').doc(month);
export const costMonthsCollection = (): CollectionReference => rollups().collection('cost_months');
export const costMonthRef = (month: string): DocumentReference => costMonthsCollection().doc(month);
export const userMonthsCollection = (): CollectionReference =>
  adminDb().collection(METRICS).doc('usage').collection('user_months');
export const userMonthRef = (pid: string, month: string): DocumentReference =>
  userMonthsCollection().doc(`${pid}_${month}`);
/** The HMAC key behind pseudonymous ids: outside `metrics/`, so admins (who read `metrics/**`) never see it. */
export const pseudonymKeyRef = (): DocumentReference => adminDb().collection('internal').doc('metrics-pseudonym-key');
