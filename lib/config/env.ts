import 'server-only';
import { z } from 'zod';

/** Validated once at boot, so a bad variable stops the server with a message instead of failing a request. */

const hostPort = z.string().regex(/^[\w.-]+:\d{1,5}$/, 'Expected host:port, such as 127.0.0.1:8080');
const price = (fallback: number) => z.coerce.number().nonnegative().default(fallback);
const milliseconds = z.coerce.number().int('Expected whole milliseconds').min(100).max(3_600_000).optional();

const ZRawEnv = z.object({
  FIREBASE_PROJECT_ID: z
    .string()
    .regex(/^[a-z0-9-]{4,40}$/, 'Expected a Firebase project id')
    .optional(),
  FIRESTORE_EMULATOR_HOST: hostPort.optional(),
  FIREBASE_AUTH_EMULATOR_HOST: hostPort.optional(),
  FIREBASE_API_KEY: z.string().min(1).optional(),
  FIREBASE_AUTH_DOMAIN: z.string().min(1).optional(),
  FIREBASE_APP_ID: z.string().min(1).optional(),
  APP_ORIGIN: z.url({ message: 'Expected the public origin, such as https://wellsync.example.com' }).optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(14).default(5),
  // Multiplies every rate limit (lib/api/rate-limit.ts); the test runner raises it, as all its browsers share one address.
  RATE_LIMIT_SCALE: z.coerce.number().min(1).max(100_000).default(1),
  // How many proxies in front of the server append to X-Forwarded-For (Cloud Run 1, a Google load balancer 2).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(5).default(1),
  CRON_SECRET: z.string().min(32, 'CRON_SECRET must be at least 32 characters').optional(),
  // Firestore prices in USD (defaults: nam5 multi-region, see docs/admin-analytics.md, "Cost model").
  PRICE_READS_PER_100K: price(0.06),
  PRICE_WRITES_PER_100K: price(0.18),
  PRICE_DELETES_PER_100K: price(0.02),
  PRICE_STORAGE_GIB_MONTH: price(0.18),
  PRICE_FREE_TIER: z.enum(['on', 'off']).default('off'),
  // Read where they are used (lib/firebase/with-deadline.ts, lib/jobs/job-status.ts); checked here so a typo stops
  // the boot instead of becoming a NaN timeout.
  WELLSYNC_JOB_DEADLINE_MS: milliseconds,
  WELLSYNC_READ_DEADLINE_MS: milliseconds,
  WELLSYNC_JOB_STALE_MS: milliseconds,
});

export type ServerEnv = {
  mode: 'emulator' | 'production';
  projectId: string;
  emulators: { firestore: string; auth: string } | null;
  web: { apiKey: string; authDomain: string; appId: string };
  appOrigin: string | null;
  /** Secure cookies (and the `__Host-` prefix) everywhere but plain-http localhost. */
  secureCookies: boolean;
  sessionDays: number;
  rateLimitScale: number;
  trustedProxyHops: number;
  cronSecret: string | null;
  prices: {
    readsPer100k: number;
    writesPer100k: number;
    deletesPer100k: number;
    storageGibMonth: number;
    freeTier: boolean;
  };
};

export class EnvError extends Error {
  override name = 'EnvError';
}

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const parsed = ZRawEnv.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(
      `Invalid environment:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const raw = parsed.data;
  const problems: string[] = [];
  const onEmulators = Boolean(raw.FIRESTORE_EMULATOR_HOST || raw.FIREBASE_AUTH_EMULATOR_HOST);

  if (onEmulators && !(raw.FIRESTORE_EMULATOR_HOST && raw.FIREBASE_AUTH_EMULATOR_HOST)) {
    problems.push(
      'Set both FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST, or neither: mixing emulated and real services would split one user across two backends.',
    );
  }
  const projectId = raw.FIREBASE_PROJECT_ID ?? (onEmulators ? 'demo-wellsync' : undefined);
  if (!projectId) problems.push('FIREBASE_PROJECT_ID is required outside the emulators.');
  if (onEmulators && projectId && !projectId.startsWith('demo-')) {
    problems.push(
      `Emulators must use a demo- project id (got ${projectId}), so that nothing can ever reach a real project.`,
    );
  }
  if (!onEmulators) {
    if (projectId?.startsWith('demo-'))
      problems.push(`${projectId} is a demo project id; a real deployment needs its real project id.`);
    for (const key of [
      'FIREBASE_API_KEY',
      'FIREBASE_AUTH_DOMAIN',
      'FIREBASE_APP_ID',
      'APP_ORIGIN',
      'CRON_SECRET',
    ] as const) {
      if (!raw[key]) problems.push(`${key} is required outside the emulators.`);
    }
    if (raw.APP_ORIGIN && !raw.APP_ORIGIN.startsWith('https://'))
      problems.push('APP_ORIGIN must be https:// outside the emulators.');
  }
  if (problems.length > 0) throw new EnvError(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const appOrigin = raw.APP_ORIGIN ? new URL(raw.APP_ORIGIN).origin : null;
  return {
    mode: onEmulators ? 'emulator' : 'production',
    projectId: projectId as string,
    emulators: onEmulators ? { firestore: raw.FIRESTORE_EMULATOR_HOST!, auth: raw.FIREBASE_AUTH_EMULATOR_HOST! } : null,
    web: {
      apiKey: raw.FIREBASE_API_KEY ?? 'demo-api-key',
      authDomain: raw.FIREBASE_AUTH_DOMAIN ?? `${projectId}.firebaseapp.com`,
      appId: raw.FIREBASE_APP_ID ?? 'demo-app-id',
    },
    appOrigin,
    secureCookies: appOrigin ? appOrigin.startsWith('https://') : false,
    sessionDays: raw.SESSION_DAYS,
    rateLimitScale: raw.RATE_LIMIT_SCALE,
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS,
    cronSecret: raw.CRON_SECRET ?? null,
    prices: {
      readsPer100k: raw.PRICE_READS_PER_100K,
      writesPer100k: raw.PRICE_WRITES_PER_100K,
      deletesPer100k: raw.PRICE_DELETES_PER_100K,
      storageGibMonth: raw.PRICE_STORAGE_GIB_MONTH,
      freeTier: raw.PRICE_FREE_TIER === 'on',
    },
  };
}

let cached: ServerEnv | undefined;

export function getEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

export function publicFirebaseConfig(env: ServerEnv = getEnv()) {
  return { ...env.web, projectId: env.projectId, emulators: env.emulators };
}
