import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { CatalogueItem } from '../domain/conduct/catalogue';
import { PgStore } from './pg-store';

/** The reward/penalty catalogue: seeded by migration, then the tenant's (policy, admin). */
export abstract class CatalogueStore {
  abstract all(): Promise<CatalogueItem[]>;
  abstract get(code: string): Promise<CatalogueItem | null>;
  abstract save(item: CatalogueItem): Promise<void>;
}

@Injectable()
export class PgCatalogueStore extends PgStore implements CatalogueStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async all(): Promise<CatalogueItem[]> {
    return (await this.q<{ item: CatalogueItem }>(`SELECT item FROM qa.conduct_catalogue ORDER BY code`)).map((r) => r.item);
  }

  async get(code: string): Promise<CatalogueItem | null> {
    const [r] = await this.q<{ item: CatalogueItem }>(`SELECT item FROM qa.conduct_catalogue WHERE code = $1`, [code]);
    return r?.item ?? null;
  }

  async save(item: CatalogueItem): Promise<void> {
    await this.q(`INSERT INTO qa.conduct_catalogue (code, item) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET item = EXCLUDED.item, updated_at = now()`, [item.code, JSON.stringify(item)]);
  }
}
