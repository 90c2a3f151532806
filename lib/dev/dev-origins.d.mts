import type { NetworkInterfaceInfo } from 'node:os';

export function listDevOrigins(interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>): string[];
