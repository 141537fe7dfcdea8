import type { Provider } from '@nestjs/common';
import { SqlTeamDirectory, TeamDirectory, type DirectoryTable } from '@app/auth';
import { TransactionScope } from './transaction-scope';

/** Team scope's directory over `source`, a service's own copy of attendance's agents, in the caller's transaction. */
export const teamDirectoryOver = (source: DirectoryTable): Provider => ({
  provide: TeamDirectory,
  inject: [TransactionScope],
  useFactory: (scope: TransactionScope) => new SqlTeamDirectory((sql, params) => scope.manager().query(sql, params), source),
});
