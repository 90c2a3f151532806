import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { assertAdmin, type AdminScope, type Caller } from '@/lib/auth/scope';
import { sessionCookieName, verifySession } from '@/lib/auth/session';
import { getEnv } from '@/lib/config/env';
import { AppError, errorResponse, validationError } from './errors';
import { checkOrigin, isMutation } from './origin';
import { readJsonBody } from './read-body';

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
type RouteHandler = (req: NextRequest, ctx: RouteContext) => Promise<Response>;

export type GuardOptions<B, Q, P> = {
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** Largest JSON body accepted (default 256 KB). */
  maxBodyBytes?: number;
  /**
   * The handler reads the body itself (file uploads). The guard still checks Origin and the session,
   * and the handler must enforce its own size limit.
   */
  rawBody?: boolean;
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
  return guarded(options, async (ctx) => handler(ctx));
}

/** Every signed-in route: session verified with revocation checked, Origin checked on mutations, input parsed. */
export function withUser<B = undefined, Q = undefined, P = undefined>(
  handler: (ctx: UserContext<B, Q, P>) => Promise<Result>,
  options: GuardOptions<B, Q, P> = {},
): RouteHandler {
  return guarded(options, async (ctx) => handler({ ...ctx, caller: await authenticate(ctx.req) }));
}

/** Admin routes: as withUser, and a non-admin gets 404 so admin endpoints are not even confirmed to exist. */
export function withAdmin<B = undefined, Q = undefined, P = undefined>(
  handler: (ctx: AdminContext<B, Q, P>) => Promise<Result>,
  options: GuardOptions<B, Q, P> = {},
): RouteHandler {
  return guarded(options, async (ctx) => {
    const caller = await authenticate(ctx.req);
    assertAdmin(caller);
    return handler({ ...ctx, caller });
  });
}

function guarded<B, Q, P>(options: GuardOptions<B, Q, P>, run: (ctx: GuardedContext<B, Q, P>) => Promise<Result>): RouteHandler {
  return async (req, routeCtx) => {
    const requestId = randomUUID();
    try {
      if (isMutation(req.method)) checkOrigin(req);
      const params = await parseWith(options.params, await routeCtx.params, 'address');
      const query = await parseWith(options.query, Object.fromEntries(req.nextUrl.searchParams), 'query');
      let body = undefined as B;
      if (isMutation(req.method) && !options.rawBody) {
        const raw = await readJsonBody(req, options.maxBodyBytes ?? 256 * 1024);
        body = await parseWith(options.body, raw, 'request body');
      }
      const result = await run({ req, requestId, body, query, params });
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
