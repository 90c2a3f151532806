// Emulators only: the seed refuses any project whose id does not start with `demo-`.
export type DemoAccount = {
  uid: string;
  email: string;
  password: string;
  displayName: string;
  timezone: string;
  role: 'user' | 'admin';
  description: string;
};

export const DEMO_USER: DemoAccount = {
  uid: 'demo-alex',
  email: 'alex@demo.wellsync.test',
  password: 'demo-alex-password',
  displayName: 'Alex Rivera',
  timezone: 'Europe/Berlin',
  role: 'user',
  description: 'Two years of journal and daily moods from an iPhone and an Android phone',
};

export const SECOND_USER: DemoAccount = {
  uid: 'demo-sam',
  email: 'sam@demo.wellsync.test',
  password: 'demo-sam-password',
  displayName: 'Sam Lee',
  timezone: 'America/New_York',
  role: 'user',
  description: 'A newer user with two months on one phone',
};

export const DEMO_ADMIN: DemoAccount = {
  uid: 'demo-ops',
  email: 'ops@demo.wellsync.test',
  password: 'demo-ops-password',
  displayName: 'Ops Admin',
  timezone: 'UTC',
  role: 'admin',
  description: 'Operator with the admin claim: sync adoption, cost and reliability',
};

/** Seeded only with `--heavy`: ten years of daily journal and two check-ins a day, for performance work. */
export const HEAVY_USER: DemoAccount = {
  uid: 'demo-heavy',
  email: 'heavy@demo.wellsync.test',
  password: 'demo-heavy-password',
  displayName: 'Harper Long',
  timezone: 'Australia/Sydney',
  role: 'user',
  description: 'Ten years: 3,650 journal entries and 7,300 check-ins',
};

export const DEMO_ACCOUNTS = [DEMO_USER, SECOND_USER, DEMO_ADMIN] as const;
