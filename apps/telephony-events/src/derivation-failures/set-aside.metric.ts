import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Gauge, register } from 'prom-client';
import { TransactionScope } from '@app/persistence';
import { DerivationFailures } from '../store/derivation-failures';

const NAME = 'telephony_calls_set_aside';

/**
 * `/metrics` shows how many calls are set aside (their derivation kept failing): they are missing
 * from scoring until someone retries them, so it is worth an alert rule. Read at each scrape.
 */
@Injectable()
export class SetAsideMetric implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly failures: DerivationFailures,
    private readonly scope: TransactionScope,
  ) {}

  onModuleInit(): void {
    register.removeSingleMetric(NAME);
    const read = () => this.scope.run(() => this.failures.setAsideCount());
    new Gauge({
      name: NAME,
      help: 'Calls set aside because their derivation failed repeatedly (listed at GET /v1/derivation-failures)',
      registers: [register],
      async collect() {
        this.set(await read());
      },
    });
  }

  onModuleDestroy(): void {
    register.removeSingleMetric(NAME);
  }
}
