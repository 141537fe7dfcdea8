import { parseAllowedNetworks, type AllowedNetworks } from './allowed-networks';
import { beforeLookup, resolvedRefusal } from './connect-refusal';

const allowed = (text: string): AllowedNetworks => {
  const parsed = parseAllowedNetworks(text);
  if ('bad' in parsed) throw new Error(`bad test list: ${parsed.bad}`);
  return parsed.networks;
};
const NONE = allowed('');

describe('webhook addresses: before and after the lookup', () => {
  it('judges a literal address without DNS and leaves a name to its addresses', () => {
    expect(beforeLookup('http://127.0.0.1:8080/x', NONE)).toEqual({ refused: '127.0.0.1 is a loopback address, outside WEBHOOK_ALLOWED_NETWORKS' });
    expect(beforeLookup('http://127.0.0.1:8080/x', allowed('127.0.0.0/8'))).toEqual({ allowed: true });
    expect(beforeLookup('https://8.8.8.8/x', NONE)).toEqual({ allowed: true });
    expect(beforeLookup('http://127.1/x', allowed('127.0.0.0/8'))).toEqual({ refused: 'the IPv4 address must be written as a.b.c.d (it reads as 127.0.0.1)' });
    expect(beforeLookup('https://hooks.example.com/a', NONE)).toEqual({ resolve: 'hooks.example.com' });
  });

  it('refuses a name when any of its addresses is internal, or when it has none', () => {
    expect(resolvedRefusal('hooks.example.com', ['8.8.8.8', '2001:4860:4860::8888'], NONE)).toBeNull();
    expect(resolvedRefusal('hooks.example.com', ['8.8.8.8', '10.0.0.5'], NONE)).toBe('hooks.example.com resolves to 10.0.0.5 is a private address, outside WEBHOOK_ALLOWED_NETWORKS');
    expect(resolvedRefusal('hooks.example.com', ['8.8.8.8', '10.0.0.5'], allowed('10.0.0.0/8'))).toBeNull();
    expect(resolvedRefusal('hooks.example.com', [], NONE)).toBe('hooks.example.com resolves to no address');
  });
});
