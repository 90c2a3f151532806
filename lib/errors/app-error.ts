import type { z } from 'zod';

/** The closed set of error codes. Their HTTP statuses live with the one mapper, in lib/api/errors.ts. */
export const ERROR_CODES = [
  'bad-request',
  'unauthenticated',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'gone',
  'payload-too-large',
  'unsupported-media-type',
  'validation',
  'rate-limited',
  'internal',
  'unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

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
}

export function validationError(error: z.ZodError, what: string): AppError {
  const issues = error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = issues[0];
  const hint = first ? ` ${first.path ? `${first.path}: ` : ''}${first.message}` : '';
  return new AppError('validation', `The ${what} is not valid.${hint}`, issues);
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate-limited', message);
  }
}

export class BusyError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('unavailable', message);
  }
}
