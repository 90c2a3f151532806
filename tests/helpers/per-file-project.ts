import { inject } from 'vitest';

/**
 * Integration tests share the emulators' default project: the Auth emulator signs clients in to that project
 * whatever they ask for, so anything that signs in must live there. Tests keep apart by using fresh users
 * (tests/helpers/users.ts). Tests that need a database to themselves call `useIsolatedProject()`.
 */
process.env.FIRESTORE_EMULATOR_HOST = inject('firestoreHost');
process.env.FIREBASE_AUTH_EMULATOR_HOST = inject('authHost');
process.env.FIREBASE_PROJECT_ID = inject('projectId');
process.env.GCLOUD_PROJECT = inject('projectId');
process.env.RATE_LIMIT_SCALE ??= '100';
