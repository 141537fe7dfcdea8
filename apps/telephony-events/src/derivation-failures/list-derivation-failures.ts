import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { cursorKey, limitOf, mapPage, pageOf, PageQuery, type Page } from '@app/platform';
import { DerivationFailures, type DerivationFailure } from '../store/derivation-failures';

/** `GET /v1/derivation-failures?limit=&cursor=`. */
export class DerivationFailuresQuery extends PageQuery {}

export type DerivationFailuresPage = { total: number } & Page<DerivationFailure>;

/**
 * A page of the calls set aside, longest set aside first, and how many there are in all: an
 * administrator sees the size of the backlog on every page.
 */
@Injectable()
export class ListDerivationFailures {
  constructor(
    private readonly failures: DerivationFailures,
    private readonly scope: TransactionScope,
  ) {}

  async execute(q: DerivationFailuresQuery): Promise<DerivationFailuresPage> {
    const key = cursorKey(q, ['int', 'string']);
    const limit = limitOf(q);
    const after = key && { setAsideUs: key[0] as number, callId: key[1] as string };
    const { total, rows } = await this.scope.run(async () => ({
      total: await this.failures.setAsideCount(),
      rows: await this.failures.setAside(after, limit + 1),
    }));
    const page = mapPage(pageOf(rows, limit, (r) => [r.key.setAsideUs, r.key.callId]), (r) => r.failure);
    return { total, ...page };
  }
}
