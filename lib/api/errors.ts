import { AppError, BusyError, type ErrorCode, type FieldIssue, RateLimitedError } from '@/lib/errors/app-error';
import { isBackendUnavailable } from '@/lib/errors/is-backend-unavailable';

export const ERROR_STATUS = {
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  gone: 410,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  validation: 422,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

export type ErrorBody = { error: { code: ErrorCode; message: string; requestId: string; issues?: FieldIssue[] } };

/** A transaction that kept losing to concurrent ones on the same documents, after the SDK's own retries. */
const GRPC_ABORTED = 10;

/** Only AppError messages are shown; anything else is logged and answered generically, so nothing internal leaks. */
export function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  if ((error as { code?: unknown } | null)?.code === GRPC_ABORTED) {
    console.error(`[${requestId}] contention`, error);
    return new AppError(
      'unavailable',
      'Our database was too busy to finish this. Nothing was changed; please try again in a moment.',
    );
  }
  if (isBackendUnavailable(error)) {
    console.error(`[${requestId}] backend unavailable`, error);
    return new AppError(
      'unavailable',
      'Our database could not be reached. Nothing was changed; please try again in a moment.',
    );
  }
  console.error(`[${requestId}] unexpected error`, error);
  return new AppError('internal', `Something went wrong on our side. Nothing was changed. Reference: ${requestId}`);
}

export function errorResponse(error: unknown, requestId: string, headers?: Record<string, string>): Response {
  const appError = toAppError(error, requestId);
  if (appError instanceof RateLimitedError || appError instanceof BusyError)
    headers = { ...headers, 'Retry-After': String(appError.retryAfterSeconds) };
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: appError.message,
      requestId,
      ...(appError.issues ? { issues: appError.issues } : {}),
    },
  };
  return Response.json(body, {
    status: ERROR_STATUS[appError.code],
    headers: { 'Cache-Control': 'no-store', ...headers },
  });
}
