import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every response, with a Content-Security-Policy for the web UI: its scripts and
 * styles only from the daemon itself (no inline scripts; Lit's component styles are constructable
 * stylesheets, which CSP does not govern), images from the daemon and the media origins, no framing.
 *
 * Style attributes stay allowed (`style-src-attr 'unsafe-inline'`): Lit's styleMap writes its first
 * values as a `style` attribute (the grid's row offsets, a card's hue); they cannot run script.
 *
 * @param imageOrigins - Where posters are served from besides the daemon (S3 endpoints, PUBLIC_BASE_URL).
 */
export function securityHeaders(imageOrigins: readonly string[] = []): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', ...imageOrigins],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // Posters under /media are meant to be shown by other sites (the Actor Library), and HSTS belongs
    // to the TLS proxy in front, not to a daemon that usually answers plain HTTP on loopback.
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });
}
