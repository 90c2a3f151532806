/** What the browser needs to reach Firebase. None of it is secret: Firebase web config is public by design. */
export type PublicFirebaseConfig = {
  apiKey: string;
  authDomain: string;
  projectId: string;
  appId: string;
  emulators: { firestore: string; auth: string } | null;
};
