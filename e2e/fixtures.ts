import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { adminAuth } from '@/lib/firebase/admin';
import { userCollection, userRef } from '@/lib/firebase/refs';
import type { DemoAccount } from '@/lib/seed/demo-accounts';

export type TestUser = DemoAccount;

/** A fresh user with a profile and nothing else, for tests that change or end sessions. */
export async function createTestUser(overrides: Partial<DemoAccount> = {}): Promise<TestUser> {
  const uid = `e2e-${randomUUID().slice(0, 12)}`;
  const user: TestUser = {
    uid,
    email: `${uid}@e2e.wellsync.test`,
    password: `pw-${randomUUID()}`,
    displayName: 'E2E Person',
    timezone: 'Europe/London',
    role: 'user',
    description: '',
    ...overrides,
  };
  await adminAuth().createUser({ uid, email: user.email, password: user.password, displayName: user.displayName });
  const now = Timestamp.now();
  await userRef(user).set({
    displayName: user.displayName,
    photoURL: null,
    timezone: user.timezone,
    createdAt: now,
    updatedAt: now,
  });
  return user;
}

/** Writes a journal entry as a phone would (contract shape), returning its id. */
export async function addJournalEntry(
  user: { uid: string },
  fields: { title: string; body: string; tags?: string[] },
): Promise<string> {
  const id = randomUUID();
  const now = Date.now();
  await userCollection(user, 'journal_entries')
    .doc(id)
    .set({
      title: fields.title,
      body: fields.body,
      tags: fields.tags ?? [],
      mood: null,
      createdAt: Timestamp.fromMillis(now),
      updatedAt: Timestamp.fromMillis(now),
      deletedAt: null,
      rev: `${now}:0000:e2e-phone`,
      baseRev: null,
      deviceId: 'e2e-phone',
      syncedAt: FieldValue.serverTimestamp(),
    });
  return id;
}

export async function signIn(page: Page, user: { email: string; password: string }, next = '/journal') {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, '\\$&')}`));
}

/** axe-core finds no violations on the page as it is, in light and in dark mode; the page is left in light. */
export async function expectAccessible(page: Page) {
  // Colour transitions would let axe measure contrast halfway between the two themes.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

// scripts/test.ts pins this process's clock with libfaketime (FAKETIME="+seconds"); the browser is shifted by
// the same offset. Only Date moves: Playwright's clock.install would fake the page's timers too.
const offsetMs = Number(process.env.FAKETIME ?? 0) * 1000;

function shiftDate(offset: number) {
  const RealDate = Date;
  class PinnedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string]));
    }
    static override now() {
      return RealDate.now() + offset;
    }
    // Dates made natively (IndexedDB, structuredClone) still count as Dates.
    static override [Symbol.hasInstance](value: unknown) {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = PinnedDate as unknown as DateConstructor;
}

async function pinClock(context: BrowserContext): Promise<BrowserContext> {
  if (offsetMs) await context.addInitScript(shiftDate, offsetMs);
  return context;
}

/** A new browser context on the pinned clock, for tests that need several. */
export const pinnedContext = async (browser: Browser) => pinClock(await browser.newContext());

export const test = base.extend({
  context: async ({ context }, provide) => {
    await provide(await pinClock(context));
  },
});
export { expect };
