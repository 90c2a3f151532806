/** gRPC status codes (firebase-admin reports numbers) by the names the web SDK reports. */
const GRPC_NAMES: Record<number, string> = {
  4: 'deadline-exceeded',
  5: 'not-found',
  6: 'already-exists',
  7: 'permission-denied',
  8: 'resource-exhausted',
  9: 'failed-precondition',
  13: 'internal',
  14: 'unavailable',
};

export function firestoreCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number') return GRPC_NAMES[code] ?? null;
  return typeof code === 'string' ? code.replace(/^firestore\//, '') : null;
}
