/** firestore.rules admits a token with it only while that web device is unrevoked, so sign-out ends access at once. */
export const WEB_DEVICE_CLAIM = 'webDevice';
