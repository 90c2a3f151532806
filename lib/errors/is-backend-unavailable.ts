/** gRPC status codes Firestore and Auth use when the backend cannot be reached in time. */
const UNAVAILABLE_GRPC = new Set([4, 14]);
const UNAVAILABLE_NAMES = new Set([
  'unavailable',
  'deadline-exceeded',
  'auth/network-request-failed',
  'app/network-error',
]);

/** A stream the server cut off (it stopped or restarted mid-call) surfaces as INTERNAL, but is a transport failure. */
const GRPC_INTERNAL = 13;
const CUT_STREAM = /RST_STREAM|Call ended without gRPC status/;

export function isBackendUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === GRPC_INTERNAL) return CUT_STREAM.test(String((error as { message?: unknown }).message));
  if (typeof code === 'number') return UNAVAILABLE_GRPC.has(code);
  if (typeof code === 'string')
    return UNAVAILABLE_NAMES.has(code) || code.endsWith('/unavailable') || code === 'ECONNREFUSED';
  return false;
}
