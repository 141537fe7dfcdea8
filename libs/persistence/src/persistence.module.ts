import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runServiceMigrations } from './migration-runner';
import { createServiceDataSource, type ServiceDataSourceOptions } from './service-data-source';
import { TransactionScope } from './transaction-scope';

export interface PersistenceOptions extends ServiceDataSourceOptions {
  /** Apply pending migrations at start-up (contracts.md: unless MIGRATIONS_RUN=false). */
  migrationsRun: boolean;
}

class PersistenceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The service's DataSource (its own schema) and the TransactionScope over it. */
@Global()
@Module({})
export class PersistenceModule {
  static forService(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const ds = createServiceDataSource(options);
            await ds.initialize();
            if (options.migrationsRun) {
              const applied = await runServiceMigrations(ds);
              if (applied.length) new Logger('Migrations').log(`applied ${applied.join(', ')}`);
            }
            return ds;
          },
        },
        { provide: TransactionScope, useFactory: (ds: DataSource) => new TransactionScope(ds), inject: [DataSource] },
        PersistenceLifecycle,
      ],
      exports: [DataSource, TransactionScope],
    };
  }
}
