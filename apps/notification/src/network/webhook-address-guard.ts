import type { LookupAddress, LookupOptions } from 'node:dns';
import { Inject, Injectable } from '@nestjs/common';
import { addressRefusal, webhookTarget } from '../domain/webhook-address/webhook-target';
import { WEBHOOK_ADDRESS_FORBIDDEN } from '../notification.errors';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../notification-settings';
import { HostResolver, type ResolvedAddress } from './host-resolver';

/** A connection refused before it was opened; its `code` is the refusal's stable code. */
export class ForbiddenAddressError extends Error {
  readonly code = WEBHOOK_ADDRESS_FORBIDDEN;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Keeps webhooks off internal networks (SSRF): at registration every address the host resolves to
 * is checked, and at send time the HTTP agents resolve through `lookup`, which checks the very
 * addresses the socket is then opened to, so a name re-pointed after registration (DNS rebinding)
 * is refused too. Literal addresses never reach a lookup: `refusalBeforeLookup` checks those.
 */
@Injectable()
export class WebhookAddressGuard {
  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    private readonly resolver: HostResolver,
  ) {}

  /** Why the URL may not be used, judged without DNS (scheme, credentials, spelling, literal address); null if nothing yet. */
  refusalBeforeLookup(url: string): string | null {
    const t = webhookTarget(url);
    if ('refused' in t) return t.refused;
    return t.target.literal ? addressRefusal(t.target.host, this.settings.allowedNetworks) : null;
  }

  /** Why the URL may not be used, after resolving its host (every address must pass); null when it may. */
  async refusal(url: string): Promise<string | null> {
    const t = webhookTarget(url);
    if ('refused' in t) return t.refused;
    if (t.target.literal) return addressRefusal(t.target.host, this.settings.allowedNetworks);
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolver.resolve(t.target.host);
    } catch (err) {
      return `${t.target.host} does not resolve (${(err as NodeJS.ErrnoException).code ?? 'no answer'}), so where it points cannot be checked`;
    }
    return this.refusalOf(t.target.host, addresses);
  }

  /** A `lookup` for net.connect: resolves, refuses the whole name if any address is internal. */
  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    this.resolver.resolve(hostname).then(
      (found) => {
        const why = this.refusalOf(hostname, found);
        if (why) return callback(new ForbiddenAddressError(why), []);
        const addresses = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no IPv${options.family} address`), { code: 'ENOTFOUND' }), []);
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(err, []),
    );
  };

  private refusalOf(host: string, addresses: ResolvedAddress[]): string | null {
    if (addresses.length === 0) return `${host} resolves to no address`;
    for (const a of addresses) {
      const why = addressRefusal(a.address, this.settings.allowedNetworks);
      if (why) return `${host} resolves to ${why}`;
    }
    return null;
  }
}
