import { BlockList, isIP } from 'node:net';

/** Non-public download targets an operator has named in DOWNLOAD_ALLOW_PRIVATE. */
export interface PrivateAllowance {
  /** True when `hostname` (as written in the URL) or the `address` it resolved to was named. */
  allows(hostname: string, address: string): boolean;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;
const EXPECTED = 'Expected comma-separated host names, IP addresses or CIDRs (like 127.0.0.1, minio.internal, 10.0.0.0/8)';

const typeOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');
const unbracket = (text: string) => text.replace(/^\[(.*)\]$/, '$1');

/**
 * Reads DOWNLOAD_ALLOW_PRIVATE's entries.
 *
 * @param entries - Host names (matched exactly, case-insensitively), IP addresses (`::1` or `[::1]`)
 *   and CIDRs (`10.0.0.0/8`, `fd00::/8`).
 * @throws Error naming the entry that is none of these.
 * @example parsePrivateAllowance(['127.0.0.1', 'minio.internal']).allows('localhost', '127.0.0.1') // true
 */
export function parsePrivateAllowance(entries: readonly string[]): PrivateAllowance {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  for (const raw of entries) {
    const entry = unbracket(raw.trim());
    const [network = '', prefix, extra] = entry.split('/');
    const family = isIP(network);
    const bits = Number(prefix);
    if (family && prefix === undefined) addresses.addAddress(network, typeOf(network));
    else if (family && extra === undefined && /^\d+$/.test(prefix ?? '') && bits <= (family === 4 ? 32 : 128))
      addresses.addSubnet(network, bits, typeOf(network));
    else if (HOST_NAME.test(entry) && !entry.includes('/')) hosts.add(entry.toLowerCase().replace(/\.$/, ''));
    else throw new Error(`${EXPECTED} but received ${JSON.stringify(raw)}`);
  }
  return {
    allows: (hostname, address) =>
      hosts.has(unbracket(hostname).toLowerCase().replace(/\.$/, '')) || (isIP(address) !== 0 && addresses.check(address, typeOf(address))),
  };
}
