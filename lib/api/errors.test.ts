import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { isBackendUnavailable } from '@/lib/errors/is-backend-unavailable';
import { ERROR_STATUS, toAppError } from './errors';

const grpc = (code: number, message: string) => Object.assign(new Error(message), { code });

describe('isBackendUnavailable', () => {
  it('knows an unreachable or cut-off backend: gRPC UNAVAILABLE, DEADLINE_EXCEEDED, a reset stream, a refused connection', () => {
    expect(isBackendUnavailable(grpc(14, '14 UNAVAILABLE: No connection established'))).toBe(true);
    expect(isBackendUnavailable(grpc(4, '4 DEADLINE_EXCEEDED'))).toBe(true);
    expect(
      isBackendUnavailable(grpc(13, '13 INTERNAL: Received RST_STREAM with code 0 (Call ended without gRPC status)')),
    ).toBe(true);
    expect(isBackendUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isBackendUnavailable(Object.assign(new Error('x'), { code: 'auth/network-request-failed' }))).toBe(true);
  });

  it('leaves every other failure internal, so real bugs are not disguised as outages', () => {
    expect(isBackendUnavailable(grpc(13, '13 INTERNAL: something else broke'))).toBe(false);
    expect(isBackendUnavailable(grpc(3, '3 INVALID_ARGUMENT'))).toBe(false);
    expect(isBackendUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isBackendUnavailable(null)).toBe(false);
  });
});

describe('toAppError', () => {
  it('shows AppError messages, and never an internal one', () => {
    expect(toAppError(new AppError('not-found', 'That entry was not found.'), 'r1').message).toBe(
      'That entry was not found.',
    );
    const hidden = toAppError(new Error('secret internal detail'), 'r2');
    expect(hidden.code).toBe('internal');
    expect(ERROR_STATUS[hidden.code]).toBe(500);
    expect(hidden.message).not.toMatch(/secret/);
    expect(hidden.message).toMatch(/Reference: r2/);
    expect(toAppError(grpc(14, 'x'), 'r3').code).toBe('unavailable');
    expect(ERROR_STATUS[toAppError(grpc(14, 'x'), 'r3').code]).toBe(503);
  });

  it('answers a transaction that lost to contention with 503 and a retry hint, not 500', () => {
    const busy = toAppError(grpc(10, '10 ABORTED: Transaction lock timeout.'), 'r4');
    expect(busy.code).toBe('unavailable');
    expect(ERROR_STATUS[busy.code]).toBe(503);
    expect(busy.message).toMatch(/too busy.*try again/);
    expect(busy.message).not.toMatch(/lock/);
  });
});
