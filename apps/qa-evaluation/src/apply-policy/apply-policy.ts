import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { DEFAULT_CATALOGUE } from '../domain/conduct/catalogue';
import { mergePolicy, type QaPolicy } from '../domain/policy/qa-policy';
import { isRecord } from '../domain/validation/problems';
import { CatalogueStore } from '../store/catalogue.store';
import { QaPolicyStore, type ActiveQaPolicy } from '../store/qa-policy.store';

const CATALOGUE_NUMBERS = ['amount', 'amountMin', 'amountMax', 'points', 'pointsMin', 'pointsMax'] as const;

/**
 * A policy's qa section (from scoring's `scoring.policy.activated`, or an admin) replaces the
 * qa parameters: what it leaves out keeps its default. `catalogue` (code → amounts/points) changes
 * catalogue items; unknown keys and mistyped values are ignored, never applied. From the policy's
 * telephony section qa keeps `holdLimitMs`, the limit scoring counts long holds by (a hand record
 * of a hold scoring already counts is refused against it).
 */
@Injectable()
export class ApplyPolicy {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: QaPolicyStore,
    private readonly catalogue: CatalogueStore,
  ) {}

  execute(version: string, section: Record<string, unknown>, telephony?: Record<string, unknown>): Promise<ActiveQaPolicy> {
    return this.scope.run(async () => {
      const { catalogue, ...rest } = section;
      const values: QaPolicy = mergePolicy(rest as Partial<Record<keyof QaPolicy, unknown>>);
      const holdLimitMs = telephony?.holdLimitMs;
      if (typeof holdLimitMs === 'number' && Number.isFinite(holdLimitMs) && holdLimitMs > 0) values.telephony = { ...values.telephony, holdLimitMs };
      await this.store.replace(version, values);
      if (isRecord(catalogue)) {
        for (const [code, change] of Object.entries(catalogue)) {
          const item = (await this.catalogue.get(code)) ?? DEFAULT_CATALOGUE.find((c) => c.code === code);
          if (!item || !isRecord(change)) continue;
          const next = { ...item };
          for (const k of CATALOGUE_NUMBERS) if (typeof change[k] === 'number' && Number.isFinite(change[k])) next[k] = change[k] as number;
          // A changed default widens its range rather than being refused.
          next.amountMin = Math.min(next.amountMin, next.amount);
          next.amountMax = Math.max(next.amountMax, next.amount);
          next.pointsMin = Math.min(next.pointsMin, next.points);
          next.pointsMax = Math.max(next.pointsMax, next.points);
          await this.catalogue.save(next);
        }
      }
      return { version, values };
    });
  }
}
