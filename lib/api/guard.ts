import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { assertAdmin, type AdminScope, type Caller } from '@/lib/auth/scope';
import { sessionCookieName, verifySession } from '@/lib/auth/session';
import { getEnv } from '@/lib/config/env';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { AppError, validationError } from '@/lib/errors/app-error';
import { checkCronSecret } from './check-cron-secret';
import { errorResponse } from './errors';
import { checkOrigin, isMutation } from './origin';
import { clientAddress, enforceRateLimit, type RateLimit } from './rate-limit';
import { readJsonBody } from './read-body';

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
type RouteHandler = (req: NextRequest, ctx: RouteContext) => Promise<Response>;

export type GuardOptions<B, Q, P> = {
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  maxBodyBytes?: number;
  /** The handler reads the body itself (uploads) and must enforce its own size limit. */
  rawBody?: boolean;
  rateLimit?: RateLimit;
};

export type GuardedContext<B, Q, P> = { req: NextRequest; requestId: string; body: B; query: Q; params: P };
export type UserContext<B, Q, P> = GuardedContext<B, Q, P> & { caller: Caller };
export type AdminContext<B, Q, P> = GuardedContext<B, Q, P> & { caller: Caller & AdminScope };

type Result = Response | object | null | void;

/** For the few endpoints that work without a session (signing in). Origin and input are still checked. */
export function withPublic<B = undefined, Q = undefined, P = undefined>(
  handler: (ctx: GuardedContext<B, Q, P>) => Promise<Result>,
  options: GuardOptions<B, Q, P> = {},
): RouteHandler {
  return guarded(
    options,
    async () => null,
    async (ctx) => handler(ctx),
  );
}

export function withUser<B = undefined, Q = undefined, P = undefined>(
  handler: (ctx: UserContext<B, Q, P>) => Promise<Result>,
  options: GuardOptions<B, Q, P> = {},
): RouteHandler {
  return guarded(options, authenticate, async (ctx, caller) => handler({ ...ctx, caller }));
}

/** Non-admins get 404, so admin endpoints are not confirmed to exist; a call that cannot be audited is not served. */
export function withAdmin<B = undefined, Q = undefined, P = undefined>(
  handler: (ctx: AdminContext<B, Q, P>) => Promise<Result>,
  options: GuardOptions<B, Q, P> = {},
): RouteHandler {
  const authorize = async (req: NextRequest, requestId: string) => {
    const caller = await authenticate(req);
    assertAdmin(caller);
    await appendAuditEntry({
      actor: { uid: caller.uid, email: caller.email },
      action: 'api.call',
      method: req.method,
      target: `${req.nextUrl.pathname}${req.nextUrl.search}`,
      requestId,
    });
    return caller;
  };
  return guarded(options, authorize, async (ctx, caller) => handler({ ...ctx, caller }));
}

/** No Origin check (a scheduler sends none) and no JSON body: options come from the query. */
export function withCron<Q = undefined>(
  handler: (ctx: GuardedContext<undefined, Q, undefined>) => Promise<Result>,
  options: Pick<GuardOptions<undefined, Q, undefined>, 'query'> = {},
): RouteHandler {
  const authorize = async (req: NextRequest) => checkCronSecret(req);
  return guarded<undefined, Q, undefined, void>({ ...options, rawBody: true }, authorize, async (ctx) => handler(ctx), {
    checksOrigin: false,
  });
}

/** Origin, then caller, then input: a visitor learns nothing about parameters (401 or 404, never 422). */
function guarded<B, Q, P, C>(
  options: GuardOptions<B, Q, P>,
  authorize: (req: NextRequest, requestId: string) => Promise<C>,
  run: (ctx: GuardedContext<B, Q, P>, caller: C) => Promise<Result>,
  { checksOrigin = true }: { checksOrigin?: boolean } = {},
): RouteHandler {
  return async (req, routeCtx) => {
    const requestId = randomUUID();
    try {
      if (checksOrigin && isMutation(req.method)) checkOrigin(req);
      const caller = await authorize(req, requestId);
      if (options.rateLimit) {
        const uid = (caller as { uid?: string } | null)?.uid;
        await enforceRateLimit(options.rateLimit, options.rateLimit.by === 'user' && uid ? uid : clientAddress(req));
      }
      const params = await parseWith(options.params, await routeCtx.params, 'address');
      const query = await parseWith(options.query, Object.fromEntries(req.nextUrl.searchParams), 'query');
      let body = undefined as B;
      if (isMutation(req.method) && !options.rawBody) {
        const raw = await readJsonBody(req, options.maxBodyBytes ?? 256 * 1024);
        body = await parseWith(options.body, raw, 'request body');
      }
      const result = await run({ req, requestId, body, query, params }, caller);
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true }, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      const clearCookie = error instanceof SessionEndedError ? { 'Set-Cookie': clearedSessionCookie() } : undefined;
      return errorResponse(error, requestId, clearCookie);
    }
  };
}

async function parseWith<T>(schema: z.ZodType<T> | undefined, value: unknown, what: string): Promise<T> {
  if (!schema) return undefined as T;
  const result = await schema.safeParseAsync(value);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}

class SessionEndedError extends AppError {
  constructor(message: string) {
    super('unauthenticated', message);
  }
}

async function authenticate(req: NextRequest): Promise<Caller> {
  const check = await verifySession(req.cookies.get(sessionCookieName())?.value);
  if (check.status === 'ok') return check.caller;
  if (check.status === 'none') throw new AppError('unauthenticated', 'Please sign in.');
  throw new SessionEndedError(
    check.status === 'revoked'
      ? 'This browser session was signed out from the devices page. Please sign in again.'
      : 'Your session has ended. Please sign in again.',
  );
}

export function clearedSessionCookie(): string {
  const secure = getEnv().secureCookies ? '; Secure' : '';
  return `${sessionCookieName()}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
}
