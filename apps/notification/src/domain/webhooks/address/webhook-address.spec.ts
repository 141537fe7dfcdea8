import { classifyAddress, embeddedIpv4, type AddressClass } from './address-class';
import { parseAllowedNetworks, type AllowedNetworks } from './allowed-networks';
import { addressRefusal, webhookTarget } from './webhook-target';

const allowed = (text: string): AllowedNetworks => {
  const parsed = parseAllowedNetworks(text);
  if ('bad' in parsed) throw new Error(`bad test list: ${parsed.bad}`);
  return parsed.networks;
};
const NONE = allowed('');

describe('webhook addresses: classification', () => {
  it.each<[string, AddressClass]>([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'], // IPv4-mapped, dotted
    ['::ffff:7f00:1', 'loopback'], // IPv4-mapped, hex
    ['64:ff9b::7f00:1', 'loopback'], // NAT64 of 127.0.0.1
    ['2002:7f00:1::', 'loopback'], // 6to4 of 127.0.0.1
    ['169.254.169.254', 'link-local'], // cloud metadata
    ['::ffff:169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fec0::1', 'private'],
    ['100.64.0.1', 'shared'], // carrier-grade NAT
    ['100.127.255.255', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['0.1.2.3', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['203.0.113.5', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::127.0.0.1', 'reserved'], // IPv4-compatible (deprecated)
    ['100::1', 'reserved'], // discard-only
    ['2001::1', 'reserved'], // Teredo
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['localhost', 'invalid'],
    ['127.1', 'invalid'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it('reads the IPv4 address inside mapped, NAT64 and 6to4 forms only', () => {
    expect(embeddedIpv4('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(embeddedIpv4('64:ff9b::a01:203')).toBe('10.1.2.3');
    expect(embeddedIpv4('2002:a01:203::1')).toBe('10.1.2.3');
    expect(embeddedIpv4('2606:4700::1')).toBeNull();
    expect(embeddedIpv4('10.1.2.3')).toBeNull();
  });
});

describe('webhook addresses: allowed networks', () => {
  it.each<[string, string, boolean]>([
    ['', '127.0.0.1', false],
    ['127.0.0.0/8', '127.0.0.1', true],
    ['127.0.0.0/8', '127.9.9.9', true],
    ['127.0.0.0/8', '::ffff:127.0.0.1', true], // the same host
    ['127.0.0.0/8', '::1', false],
    ['127.0.0.0/8', '10.0.0.1', false],
    ['127.0.0.0/8, ::1/128', '::1', true],
    ['10.20.0.0/16', '10.20.5.5', true],
    ['10.20.0.0/16', '10.21.0.1', false],
    ['fd00::/8', 'fd12::1', true],
    ['fd00::/8', 'fe80::1', false],
    ['192.168.1.10', '192.168.1.10', true], // a bare address is one host
    ['192.168.1.10', '192.168.1.11', false],
  ])('with "%s", %s allowed: %s', (list, address, ok) => {
    expect(addressRefusal(address, allowed(list)) === null).toBe(ok);
  });

  it('always lets public addresses through and names the class of a refused one', () => {
    expect(addressRefusal('8.8.8.8', NONE)).toBeNull();
    expect(addressRefusal('169.254.169.254', NONE)).toBe('169.254.169.254 is a link-local address, outside WEBHOOK_ALLOWED_NETWORKS');
  });

  it.each(['127.0.0.0/33', '::1/129', '127.1/8', '0x7f.0.0.1/8', '2130706433', '127.0.0.0/8/8', '127.0.0.0/-1', 'localhost', '10.0.0.0 /8', 'fe80::1%eth0/64', '1.2.3.4/0x8'])(
    'refuses the malformed entry %s',
    (bad) => {
      expect(parseAllowedNetworks(`127.0.0.0/8, ${bad}`)).toEqual({ bad });
    },
  );

  it('reads several networks, spaces and an empty list', () => {
    expect(allowed(' 127.0.0.0/8 ,fd00::/8,').toString()).toBe('127.0.0.0/8, fd00::/8');
    expect(allowed('').toString()).toBe('');
  });
});

describe('webhook addresses: URLs', () => {
  it.each<[string, string]>([
    ['http://2130706433/hook', 'the IPv4 address must be written as a.b.c.d (it reads as 127.0.0.1)'], // decimal integer
    ['http://127.1/hook', 'the IPv4 address must be written as a.b.c.d (it reads as 127.0.0.1)'], // short form
    ['http://0x7f.0.0.1/hook', 'the IPv4 address must be written as a.b.c.d (it reads as 127.0.0.1)'], // hex
    ['http://0177.0.0.1/hook', 'the IPv4 address must be written as a.b.c.d (it reads as 127.0.0.1)'], // octal
    ['http://0x08080808/hook', 'the IPv4 address must be written as a.b.c.d (it reads as 8.8.8.8)'], // even a public one
    ['http://127.0.0.1./hook', 'the IPv4 address must be written as a.b.c.d (it reads as 127.0.0.1)'],
    ['http://%31%32%37.0.0.1/hook', 'the IPv4 address must be written as a.b.c.d (it reads as 127.0.0.1)'],
    ['http://user:pass@db.example.com:5432/', 'credentials in the URL are not allowed'],
    ['http://user@example.com/hook', 'credentials in the URL are not allowed'],
    ['ftp://example.com/hook', 'only http:// and https:// are allowed'],
    ['file:///etc/passwd', 'only http:// and https:// are allowed'],
    ['not a url', 'not a URL'],
  ])('refuses %s before any lookup', (url, why) => {
    expect(webhookTarget(url)).toEqual({ refused: why });
  });

  it.each<[string, string, 0 | 4 | 6]>([
    ['https://hooks.example.com/a?b=c', 'hooks.example.com', 0],
    ['http://localhost:8080/x', 'localhost', 0],
    ['http://127.0.0.1:8080/x', '127.0.0.1', 4],
    ['HTTP://8.8.8.8/x', '8.8.8.8', 4],
    ['http://[::1]:8080/x', '::1', 6],
    ['http://[::ffff:127.0.0.1]/x', '::ffff:7f00:1', 6],
  ])('reads the target of %s', (url, host, literal) => {
    expect(webhookTarget(url)).toEqual({ target: { protocol: url.toLowerCase().startsWith('https') ? 'https:' : 'http:', host, literal } });
  });
});
