export * from './team-rule';
export * from './team-directory';
export * from './outside-team.error';
export * from './team-scope';
export * from './sql-team-directory';
