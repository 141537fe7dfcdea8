import type { LookupAddress, LookupOptions } from 'node:dns';
import { Inject, Injectable } from '@nestjs/common';
import { beforeLookup, resolvedRefusal } from '../domain/webhooks/address/connect-refusal';
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
    const b = beforeLookup(url, this.settings.allowedNetworks);
    return 'refused' in b ? b.refused : null;
  }

  /** Why the URL may not be used, after resolving its host (every address must pass); null when it may. */
  async refusal(url: string): Promise<string | null> {
    const b = beforeLookup(url, this.settings.allowedNetworks);
    if (!('resolve' in b)) return 'refused' in b ? b.refused : null;
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolver.resolve(b.resolve);
    } catch (err) {
      return `${b.resolve} does not resolve (${(err as NodeJS.ErrnoException).code ?? 'no answer'}), so where it points cannot be checked`;
    }
    return this.refusalOf(b.resolve, addresses);
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
    return resolvedRefusal(host, addresses.map((a) => a.address), this.settings.allowedNetworks);
  }
}
