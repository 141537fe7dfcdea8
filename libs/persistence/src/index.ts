export * from './transaction-scope';
export * from './service-data-source';
export * from './migration-runner';
export * from './persistence.module';
export * from './sql';
export * from './in-turn';
export * from './team-directory.provider';
export * from './policy-copy/policy-copy.store';
