import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { PipelineError } from '../../errors.js';
import { blockedKind } from './blocked-addresses.js';
import { parsePrivateAllowance, type PrivateAllowance } from './private-allowance.js';

/** Why `address` may not be connected to, or undefined when it may. */
function refusal(allowance: PrivateAllowance, hostname: string, address: string): PipelineError | undefined {
  const kind = blockedKind(address);
  if (!kind || allowance.allows(hostname, address)) return undefined;
  const resolved = hostname === address ? '' : ` (it resolves to ${address})`;
  return new PipelineError(
    'download_failed',
    `Refused to download the image from ${hostname}${resolved}: ${address} is a ${kind} address, and generated images are fetched only from public addresses. Name the host or its address in DOWNLOAD_ALLOW_PRIVATE to allow it`,
  );
}

/** dns.lookup that fails instead of answering with an address the allowance does not cover. */
function guardedLookup(allowance: PrivateAllowance): LookupFunction {
  return (hostname, options: LookupOptions, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      // Every address is checked, not just the first: the socket may try them all (happy eyeballs).
      const refused = addresses.map((a) => refusal(allowance, hostname, a.address)).find(Boolean);
      if (refused) return callback(refused as unknown as NodeJS.ErrnoException, '', 0);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      return callback(null, first?.address ?? '', first?.family ?? 4);
    });
  };
}

/**
 * An undici Agent that connects only to public addresses, unless DOWNLOAD_ALLOW_PRIVATE names the
 * host or address. The check runs when each connection is made, on the address actually connected
 * to, so it covers every redirect hop and DNS rebinding between a check and the connect cannot slip
 * past it. IP literals (also decimal, octal and hex forms, which URL parsing turns into dotted ones)
 * are checked directly, since the socket never looks them up.
 *
 * @param allowPrivate - DOWNLOAD_ALLOW_PRIVATE's entries (host names, addresses, CIDRs).
 * @example await request(url, { dispatcher: createPublicOnlyAgent(['127.0.0.1']) });
 */
export function createPublicOnlyAgent(allowPrivate: readonly string[] = []): Dispatcher {
  const allowance = parsePrivateAllowance(allowPrivate);
  const connector = buildConnector({ lookup: guardedLookup(allowance) } as buildConnector.BuildOptions);
  return new Agent({
    connections: 64,
    connect: (options, callback) => {
      const refused = isIP(options.hostname) ? refusal(allowance, options.hostname, options.hostname) : undefined;
      // undici expects the callback after connect() has returned, as a socket would call it.
      if (refused) return void queueMicrotask(() => callback(refused, null));
      return connector(options, callback);
    },
  });
}
