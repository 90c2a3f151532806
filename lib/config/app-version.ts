/** The web client's version, reported as `appVersion` by its device doc and telemetry (kept equal to package.json by a test). */
export const APP_VERSION = '0.1.0';
