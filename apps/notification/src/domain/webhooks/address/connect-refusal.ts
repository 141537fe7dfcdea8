import type { AllowedNetworks } from './allowed-networks';
import { addressRefusal, webhookTarget } from './webhook-target';

/**
 * What can be said of a webhook URL before any DNS: refused, allowed (a literal address that
 * passes), or a host name whose addresses decide. Registration and sending both start here, so a
 * URL refused at one is refused at the other.
 */
export type BeforeLookup = { refused: string } | { allowed: true } | { resolve: string };

export function beforeLookup(url: string, allowed: AllowedNetworks): BeforeLookup {
  const t = webhookTarget(url);
  if ('refused' in t) return t;
  if (!t.target.literal) return { resolve: t.target.host };
  const why = addressRefusal(t.target.host, allowed);
  return why ? { refused: why } : { allowed: true };
}

/**
 * Why `host` may not be connected to, given every address it resolves to; null when it may. One
 * internal address refuses the whole name: the socket may be opened to any of them, and a rebinding
 * attacker only needs one.
 */
export function resolvedRefusal(host: string, addresses: readonly string[], allowed: AllowedNetworks): string | null {
  if (addresses.length === 0) return `${host} resolves to no address`;
  for (const address of addresses) {
    const why = addressRefusal(address, allowed);
    if (why) return `${host} resolves to ${why}`;
  }
  return null;
}
