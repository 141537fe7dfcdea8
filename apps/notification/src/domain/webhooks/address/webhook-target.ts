import { isIP } from 'node:net';
import { classifyAddress } from './address-class';
import type { AllowedNetworks } from './allowed-networks';

/** Where a webhook URL points, as far as can be told without DNS. */
export interface WebhookTarget {
  protocol: 'http:' | 'https:';
  /** The host as it is connected to: a name, or an IP address (IPv6 without brackets). */
  host: string;
  /** 4 or 6 when the host is an address already (nothing to resolve), 0 for a name. */
  literal: 0 | 4 | 6;
}

/** The host part exactly as written (before the URL parser normalized it), lower-cased. */
function hostAsWritten(raw: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\\]*)/i.exec(raw.trim());
  if (!m) return null;
  const authority = m[1].slice(m[1].lastIndexOf('@') + 1);
  if (authority.startsWith('[')) return authority.slice(0, authority.indexOf(']') + 1).toLowerCase();
  const colon = authority.lastIndexOf(':');
  return (colon >= 0 ? authority.slice(0, colon) : authority).toLowerCase();
}

/**
 * A webhook URL's target, or why it is refused before any lookup: not http(s), credentials in it
 * (they would be sent to whoever answers, and `user:pass@db:5432` is a probe), or an IPv4 address in
 * a spelling other than a.b.c.d (`2130706433`, `127.1`, `0x7f.1`, `0177.0.0.1`): parsers disagree on
 * those, which is how address checks are slipped past.
 */
export function webhookTarget(raw: string): { target: WebhookTarget } | { refused: string } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { refused: 'not a URL' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { refused: 'only http:// and https:// are allowed' };
  if (u.username !== '' || u.password !== '') return { refused: 'credentials in the URL are not allowed' };
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return { refused: 'the URL has no host' };
  const literal = isIP(host) as 0 | 4 | 6;
  if (literal === 4 && hostAsWritten(raw) !== host) return { refused: `the IPv4 address must be written as a.b.c.d (it reads as ${host})` };
  return { target: { protocol: u.protocol, host, literal } };
}

/** Why a webhook may not connect to `address`, or null when it may. */
export function addressRefusal(address: string, allowed: AllowedNetworks): string | null {
  const cls = classifyAddress(address);
  if (cls === 'public' || allowed.allows(address)) return null;
  return `${address} is ${cls === 'invalid' ? 'not an IP address' : `a ${cls} address`}, outside WEBHOOK_ALLOWED_NETWORKS`;
}
