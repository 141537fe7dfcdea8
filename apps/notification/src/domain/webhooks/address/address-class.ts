import { BlockList, isIP } from 'node:net';

/**
 * What an IP address is, for deciding whether a webhook may reach it. Only `public` addresses are
 * reachable unless WEBHOOK_ALLOWED_NETWORKS names the address's network.
 */
export type AddressClass = 'public' | 'unspecified' | 'loopback' | 'private' | 'shared' | 'link-local' | 'multicast' | 'broadcast' | 'reserved' | 'invalid';

/** Most specific first: the first range an address falls in decides. */
const IPV4_RANGES: Array<[string, number, AddressClass]> = [
  ['0.0.0.0', 32, 'unspecified'],
  ['0.0.0.0', 8, 'reserved'], // "this network": Linux connects 0.x to the host itself
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // cloud metadata services live here
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
  ['192.0.2.0', 24, 'reserved'], // documentation
  ['192.88.99.0', 24, 'reserved'], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['198.51.100.0', 24, 'reserved'], // documentation
  ['203.0.113.0', 24, 'reserved'], // documentation
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

/** IPv6 outside these is either global unicast (2000::/3, with the exceptions below it) or reserved. */
const IPV6_RANGES: Array<[string, number, AddressClass]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fc00::', 7, 'private'], // unique local
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'], // site-local (deprecated)
  ['ff00::', 8, 'multicast'],
  ['2001:db8::', 32, 'reserved'], // documentation
  ['3fff::', 20, 'reserved'], // documentation (RFC 9637)
  ['2001::', 23, 'reserved'], // IETF protocol assignments, Teredo among them
  ['2000::', 3, 'public'],
];

const compile = (ranges: Array<[string, number, AddressClass]>, family: 'ipv4' | 'ipv6') =>
  ranges.map(([net, prefix, cls]) => {
    const list = new BlockList();
    list.addSubnet(net, prefix, family);
    return { list, cls };
  });

const V4 = compile(IPV4_RANGES, 'ipv4');
const V6 = compile(IPV6_RANGES, 'ipv6');

/** The 16 bytes of an IPv6 address (zone id dropped), or null. */
export function ipv6Bytes(address: string): number[] | null {
  const ip = address.replace(/%.*$/, '');
  if (isIP(ip) !== 6) return null;
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const words = (s: string) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const h = words(head);
  const t = tail === null ? [] : words(tail);
  const all = tail === null ? h : [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  return all.flatMap((w) => [w >> 8, w & 0xff]);
}

/** a.b.c.d of an IPv4-mapped IPv6 address (::ffff:a.b.c.d, in any spelling), else null. */
export function ipv4Mapped(address: string): string | null {
  const b = ipv6Bytes(address);
  if (!b || !b.slice(0, 10).every((x) => x === 0) || b[10] !== 0xff || b[11] !== 0xff) return null;
  return b.slice(12).join('.');
}

/**
 * The IPv4 address an IPv6 one stands for, where packets to it end at that IPv4 host: IPv4-mapped
 * (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
 */
export function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  if (!b) return null;
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const quad = (i: number) => b.slice(i, i + 4).join('.');
  const mapped = ipv4Mapped(address);
  if (mapped) return mapped;
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return quad(12);
  if (b[0] === 0x20 && b[1] === 0x02) return quad(2);
  return null;
}

/** The class of an address as written by DNS or a URL (IPv4 dotted quad or any IPv6 form). */
export function classifyAddress(address: string): AddressClass {
  const ip = address.replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 4) return V4.find((r) => r.list.check(ip, 'ipv4'))?.cls ?? 'public';
  if (family !== 6) return 'invalid';
  const v4 = embeddedIpv4(ip);
  if (v4) return classifyAddress(v4);
  return V6.find((r) => r.list.check(ip, 'ipv6'))?.cls ?? 'reserved';
}
