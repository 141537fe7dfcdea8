import { Injectable } from '@nestjs/common';
import { mapPage, pageOf, type Page } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import type { CatalogueItem } from '../domain/conduct/catalogue';
import type { PageRequest } from './keyset';
import { PgStore } from './pg-store';

/** The catalogue is listed by code; a cursor holds the last one's. */
export const CATALOGUE_KEY = ['string'] as const;

/** The reward/penalty catalogue: seeded by migration, then the tenant's (policy, admin). */
export abstract class CatalogueStore {
  /** Items by code. */
  abstract page(p: PageRequest): Promise<Page<CatalogueItem>>;
  abstract get(code: string): Promise<CatalogueItem | null>;
  abstract save(item: CatalogueItem): Promise<void>;
}

@Injectable()
export class PgCatalogueStore extends PgStore implements CatalogueStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async page(p: PageRequest): Promise<Page<CatalogueItem>> {
    const rows = await this.q<{ code: string; item: CatalogueItem }>(
      `SELECT code, item FROM qa.conduct_catalogue WHERE $1::text IS NULL OR code > $1::text ORDER BY code LIMIT $2`,
      [p.after?.[0] ?? null, p.limit + 1],
    );
    return mapPage(pageOf(rows, p.limit, (r) => [r.code]), (r) => r.item);
  }

  async get(code: string): Promise<CatalogueItem | null> {
    const [r] = await this.q<{ item: CatalogueItem }>(`SELECT item FROM qa.conduct_catalogue WHERE code = $1`, [code]);
    return r?.item ?? null;
  }

  async save(item: CatalogueItem): Promise<void> {
    await this.q(`INSERT INTO qa.conduct_catalogue (code, item) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET item = EXCLUDED.item, updated_at = now()`, [item.code, JSON.stringify(item)]);
  }
}
