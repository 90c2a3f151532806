/**
 * The developer claim on the custom token the portal mints for its browser SDK (`GET /api/auth/firebase-token`):
 * the id of the web device that is this browser session. firestore.rules lets a token carrying it in only while
 * `users/{uid}/devices/{id}` exists unrevoked, so ending a browser session also ends its Firestore access at once.
 * Phones sign in with a password and never carry it.
 */
export const WEB_DEVICE_CLAIM = 'webDevice';
