import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a generated image must never be fetched from: they reach this machine, its private
 * network or the cloud's metadata service (169.254.169.254), not the public internet. Node's BlockList
 * also matches IPv4-mapped IPv6 forms (`::ffff:127.0.0.1`) against the IPv4 ranges.
 */
const RANGES: [kind: string, network: string, prefix: number][] = [
  ['unspecified', '0.0.0.0', 8],
  ['loopback', '127.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['link-local', '169.254.0.0', 16],
  ['shared (CGNAT)', '100.64.0.0', 10],
  ['reserved', '192.0.0.0', 24],
  ['reserved', '192.0.2.0', 24],
  ['reserved', '198.18.0.0', 15],
  ['reserved', '198.51.100.0', 24],
  ['reserved', '203.0.113.0', 24],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['private', 'fc00::', 7],
  ['link-local', 'fe80::', 10],
  ['reserved', 'fec0::', 10],
  ['multicast', 'ff00::', 8],
  ['reserved', '::', 96],
  ['reserved', '64:ff9b::', 96],
  ['reserved', '100::', 64],
  ['reserved', '2001:db8::', 32],
];

const lists = RANGES.map(([kind, network, prefix]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, network.includes(':') ? 'ipv6' : 'ipv4');
  return { kind, list };
});

/**
 * @param address - An IP address as resolved (no brackets).
 * @returns What kind of non-public address it is (`'loopback'`, `'private'`, `'link-local'`…), or
 *   undefined for a public one.
 * @example blockedKind('169.254.169.254') // 'link-local'
 */
export function blockedKind(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return lists.find(({ list }) => list.check(address, type))?.kind;
}
