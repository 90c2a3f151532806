/**
 * Firebase says "network-request-failed" for any request that did not complete: offline, or the sign-in service
 * unreachable (a firewall, a blocking extension, an emulator not listening at this address).
 */
export const describeNetworkFailure = (online: boolean) =>
  online
    ? 'We could not reach the sign-in service. Check your connection, or try again in a moment.'
    : 'You appear to be offline. Check your connection and try again.';
