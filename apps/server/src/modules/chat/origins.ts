import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Which websites a widget channel may run on, and how a host site proves who its signed-in
 * customer is. Pure functions: the same rule serves the HTTP endpoints, the socket and the CSP.
 */

interface Parsed {
  scheme: string;
  host: string;
  /** The port as written ('' for the scheme's default). */
  port: string;
}

const defaultPort: Record<string, string> = { 'http:': '80', 'https:': '443' };

function parseOrigin(origin: string): Parsed | null {
  try {
    const u = new URL(origin);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.pathname !== '/' || u.search || u.hash || u.username) return null;
    return { scheme: u.protocol, host: u.hostname, port: u.port || defaultPort[u.protocol]! };
  } catch {
    return null;
  }
}

/** The origin of a URL or origin string, normalised (`https://shop.example.com`), or null. */
export function originOf(value: string | undefined | null): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Does the origin match one of the patterns? A pattern is an origin, optionally with `*.` before
 * the host (sub-domains only, as in CSP) and/or `:*` as the port (any port).
 */
export function originAllowed(origin: string | null, patterns: readonly string[]): boolean {
  if (!origin) return false;
  const o = parseOrigin(origin);
  if (!o) return false;
  return patterns.some((pattern) => {
    const m = /^(https?:)\/\/(\*\.)?([^:/]+)(?::(\d+|\*))?$/.exec(pattern.toLowerCase());
    if (!m) return false;
    const [, scheme, wildcard, host, port] = m;
    if (scheme !== o.scheme) return false;
    if (wildcard ? !o.host.endsWith(`.${host}`) : o.host !== host) return false;
    if (port === '*') return true;
    return (port ?? defaultPort[scheme!]) === o.port;
  });
}

/** The CSP frame-ancestors value for these patterns (CSP has the same wildcards); 'none' when empty. */
export function frameAncestors(patterns: readonly string[]): string {
  const valid = patterns.filter((p) => /^https?:\/\/(\*\.)?[a-z0-9.-]+(:(\d+|\*))?$/.test(p));
  return valid.length ? valid.join(' ') : "'none'";
}

/** hex(HMAC-SHA256(secret, userId)): what a host site puts beside its user id. */
export function identitySignature(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/** Is the signature the channel's for this user id? Compared in constant time. */
export function verifyIdentity(secret: string, userId: string, signature: string): boolean {
  const expected = Buffer.from(identitySignature(secret, userId), 'utf8');
  const given = Buffer.from(signature.trim().toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
