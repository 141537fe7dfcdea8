import { Injectable } from '@nestjs/common';
import { cursorKey, limitOf, pageOf, type Page } from '@app/platform';
import { PolicyStore, type StoredPolicy } from '../store/policy.store';

/** Policy versions a page at a time, by name and version; `active` marks the one in force. */
@Injectable()
export class ListPolicies {
  constructor(private readonly policies: PolicyStore) {}

  async execute(q: { limit?: number; cursor?: string }): Promise<Page<StoredPolicy>> {
    const limit = limitOf(q);
    const after = cursorKey(q, ['string', 'int']) as [string, number] | undefined;
    return pageOf(await this.policies.list({ after, limit: limit + 1 }), limit, (p) => [p.name, p.version]);
  }
}
