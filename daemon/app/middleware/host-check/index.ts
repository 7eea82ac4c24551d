import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../../error-response.js';

export interface HostCheckOptions {
  /** Host names (and IP addresses) the `Host` header may carry, with or without a port; `*` allows any. */
  names: readonly string[];
  /**
   * Also accept any IP address: for a daemon listening on every interface (0.0.0.0, ::). An IP
   * literal cannot be rebound by DNS, so it is never the name a rebinding page uses.
   */
  anyIpAddress?: boolean;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** `Example.COM.:8787` → `example.com`, `[::1]:80` and `::1` → `::1`. */
function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]*)\]/.exec(host);
  const bareIpv6 = host.indexOf(':') !== host.lastIndexOf(':');
  const name = bracketed ? bracketed[1]! : bareIpv6 ? host : host.replace(/:\d*$/, '');
  return name.toLowerCase().replace(/\.$/, '');
}

/**
 * Answers 421 to a request whose `Host` is not one of this daemon's names. This is what stops DNS
 * rebinding: a page on `attacker.example` whose name is re-pointed at 127.0.0.1 reaches the daemon
 * with `Host: attacker.example`, while the browser treats it as that site's own origin.
 *
 * @example app.use(hostCheck({ names: ['localhost', '127.0.0.1', '::1', 'posters.example.com'] }))
 */
export function hostCheck(options: HostCheckOptions): MiddlewareHandler {
  const names = new Set(options.names.map(hostnameOf));
  const listed = [...names].join(', ');
  return async (c, next) => {
    const host = c.req.header('Host') ?? new URL(c.req.url).host;
    const name = hostnameOf(host);
    const isIp = IPV4.test(name) || name.includes(':');
    if (names.has('*') || names.has(name) || (options.anyIpAddress && isIp)) return next();
    return errorResponse(
      c,
      'misdirected_request',
      `Expected a Host header naming this daemon (${listed}) but received ${JSON.stringify(host.slice(0, 100))}; if that name is yours, add it to ALLOWED_HOSTS`,
    );
  };
}
