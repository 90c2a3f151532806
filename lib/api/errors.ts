import type { z } from 'zod';

/** The closed set of error codes, each with its one HTTP status. */
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
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorBody = { error: { code: ErrorCode; message: string; requestId: string; issues?: FieldIssue[] } };
export type FieldIssue = { path: string; message: string };

/** An error whose message is written for the user and is safe to show them. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function validationError(error: z.ZodError, what: string): AppError {
  const issues = error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = issues[0];
  const hint = first ? ` ${first.path ? `${first.path}: ` : ''}${first.message}` : '';
  return new AppError('validation', `The ${what} is not valid.${hint}`, issues);
}

/** gRPC status codes Firestore and Auth use when the backend cannot be reached in time. */
const UNAVAILABLE_GRPC = new Set([4, 14]);
const UNAVAILABLE_NAMES = new Set([
  'unavailable',
  'deadline-exceeded',
  'auth/network-request-failed',
  'app/network-error',
]);

/** A transaction that kept losing to concurrent ones on the same documents, after the SDK's own retries. */
const GRPC_ABORTED = 10;

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

/**
 * Turns any thrown value into the one error shape clients see. Only AppError messages are shown;
 * anything else is logged with the request id and answered generically, so no stack or internal
 * message ever reaches a client.
 */
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

/** A 429 that tells the client when to come back. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate-limited', message);
  }
}

/** A 503 for work the server is too busy to take now, with when to try again. */
export class BusyError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('unavailable', message);
  }
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
  return Response.json(body, { status: appError.status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
