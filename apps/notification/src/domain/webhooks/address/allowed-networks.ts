import { BlockList, isIP } from 'node:net';
import { ipv4Mapped } from './address-class';

/**
 * Networks an operator lets webhooks reach although they are internal (WEBHOOK_ALLOWED_NETWORKS,
 * e.g. `127.0.0.0/8` for a receiver on the same host). Empty by default: nothing internal.
 */
export class AllowedNetworks {
  private readonly list = new BlockList();

  constructor(readonly cidrs: ReadonlyArray<{ network: string; prefix: number; family: 4 | 6 }> = []) {
    for (const c of cidrs) this.list.addSubnet(c.network, c.prefix, c.family === 4 ? 'ipv4' : 'ipv6');
  }

  /** An IPv4-mapped address counts as its IPv4 address (the same host either way). */
  allows(address: string): boolean {
    const ip = address.replace(/%.*$/, '');
    const family = isIP(ip);
    if (family === 0) return false;
    const mapped = family === 6 ? ipv4Mapped(ip) : null;
    return mapped ? this.list.check(mapped, 'ipv4') : this.list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
  }

  toString(): string {
    return this.cidrs.map((c) => `${c.network}/${c.prefix}`).join(', ');
  }
}

const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * `a.b.c.d/n` and `ipv6/n`, comma-separated (a bare address is one host). Strict: an IPv4 address
 * must be a plain dotted quad and the prefix a plain number, so no list means what it does not say.
 */
export function parseAllowedNetworks(text: string | undefined): { networks: AllowedNetworks } | { bad: string } {
  const cidrs: Array<{ network: string; prefix: number; family: 4 | 6 }> = [];
  for (const item of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^/\s]+)(?:\/(\d{1,3}))?$/.exec(item);
    const network = m?.[1] ?? '';
    const family = isIP(network);
    const ok = family === 6 ? !network.includes('%') : family === 4 && DOTTED_QUAD.test(network);
    const max = family === 4 ? 32 : 128;
    const prefix = m?.[2] === undefined ? max : Number(m[2]);
    if (!m || !ok || prefix > max) return { bad: item };
    cidrs.push({ network, prefix, family: family as 4 | 6 });
  }
  return { networks: new AllowedNetworks(cidrs) };
}
