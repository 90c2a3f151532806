import { firestoreCode } from './firestore-code';

/** What Firestore and Auth report when the backend cannot be reached in time. */
const UNAVAILABLE_NAMES = new Set([
  'unavailable',
  'deadline-exceeded',
  'auth/network-request-failed',
  'app/network-error',
]);

/** A stream the server cut off (it stopped or restarted mid-call) surfaces as INTERNAL, but is a transport failure. */
const CUT_STREAM = /RST_STREAM|Call ended without gRPC status/;

export function isBackendUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number') {
    const name = firestoreCode(error);
    if (name === 'internal') return CUT_STREAM.test(String((error as { message?: unknown }).message));
    return name !== null && UNAVAILABLE_NAMES.has(name);
  }
  if (typeof code === 'string')
    return UNAVAILABLE_NAMES.has(code) || code.endsWith('/unavailable') || code === 'ECONNREFUSED';
  return false;
}
