import { describe, expect, it } from 'vitest';
import { EnvError, parseServerEnv } from './env';

const production = {
  FIREBASE_PROJECT_ID: 'wellsync-prod',
  FIREBASE_API_KEY: 'AIza-example',
  FIREBASE_AUTH_DOMAIN: 'wellsync-prod.firebaseapp.com',
  FIREBASE_APP_ID: '1:123:web:abc',
  APP_ORIGIN: 'https://wellsync.example.com',
  CRON_SECRET: 'c'.repeat(40),
};

describe('parseServerEnv', () => {
  it('defaults everything on the emulators', () => {
    const env = parseServerEnv({
      FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080',
      FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099',
    });
    expect(env).toMatchObject({
      mode: 'emulator',
      projectId: 'demo-wellsync',
      appOrigin: null,
      secureCookies: false,
      sessionDays: 5,
    });
    expect(env.prices).toEqual({
      readsPer100k: 0.06,
      writesPer100k: 0.18,
      deletesPer100k: 0.02,
      storageGibMonth: 0.18,
      freeTier: false,
    });
  });

  it('accepts a complete production environment', () => {
    expect(parseServerEnv(production)).toMatchObject({
      mode: 'production',
      projectId: 'wellsync-prod',
      appOrigin: 'https://wellsync.example.com',
      secureCookies: true,
    });
  });

  it.each([
    [
      'one emulator without the other',
      { FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' },
      /both FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST/,
    ],
    [
      'emulators with a real project id',
      { FIRESTORE_EMULATOR_HOST: 'a:1', FIREBASE_AUTH_EMULATOR_HOST: 'b:2', FIREBASE_PROJECT_ID: 'wellsync-prod' },
      /demo- project id/,
    ],
    [
      'production without a project',
      { ...production, FIREBASE_PROJECT_ID: undefined },
      /FIREBASE_PROJECT_ID is required/,
    ],
    ['production with a demo project', { ...production, FIREBASE_PROJECT_ID: 'demo-x' }, /demo project id/],
    ['production without APP_ORIGIN', { ...production, APP_ORIGIN: undefined }, /APP_ORIGIN is required/],
    ['production over plain http', { ...production, APP_ORIGIN: 'http://wellsync.example.com' }, /must be https/],
    ['a short cron secret', { ...production, CRON_SECRET: 'short' }, /at least 32 characters/],
    ['a session longer than two weeks', { ...production, SESSION_DAYS: '30' }, /SESSION_DAYS/],
    [
      'a job deadline that is not a number',
      { ...production, WELLSYNC_JOB_DEADLINE_MS: '20s' },
      /WELLSYNC_JOB_DEADLINE_MS/,
    ],
    ['a stale-job threshold of zero', { ...production, WELLSYNC_JOB_STALE_MS: '0' }, /WELLSYNC_JOB_STALE_MS/],
    [
      'a malformed emulator host',
      { FIRESTORE_EMULATOR_HOST: 'localhost', FIREBASE_AUTH_EMULATOR_HOST: 'b:2' },
      /host:port/,
    ],
  ])('refuses %s', (_name, source, message) => {
    expect(() => parseServerEnv(source)).toThrow(EnvError);
    expect(() => parseServerEnv(source)).toThrow(message);
  });
});
