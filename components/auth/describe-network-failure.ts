/** Firebase says "network-request-failed" for offline and for an unreachable service alike. */
export const describeNetworkFailure = (online: boolean) =>
  online
    ? 'We could not reach the sign-in service. Check your connection, or try again in a moment.'
    : 'You appear to be offline. Check your connection and try again.';
