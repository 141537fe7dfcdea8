/**
 * Mints a token for local use:  npm run token -- --roles supervisor [--agent A1001] [--sub alice] [--hours 8]
 * Signed with AUTH_JWT_SECRET (or the dev runner's local default).
 */
import { parseArgs } from 'node:util';
import { mintToken } from '@app/auth';
import type { Role } from '@app/contracts';
import devDefaults from './dev/defaults.json';

const { values } = parseArgs({
  options: { roles: { type: 'string' }, agent: { type: 'string' }, sub: { type: 'string' }, hours: { type: 'string' } },
});
if (!values.roles) {
  process.stderr.write('usage: npm run token -- --roles supervisor[,hr] [--agent A1001] [--sub name] [--hours 8]\n');
  process.exit(2);
}
const roles = values.roles.split(',').map((r) => r.trim()) as Role[];
try {
  const token = mintToken(process.env.AUTH_JWT_SECRET ?? devDefaults.jwtSecret, {
    sub: values.sub ?? values.agent ?? roles[0],
    roles,
    agentId: values.agent,
    expiresInSeconds: Math.round(Number(values.hours ?? 8) * 3600),
  });
  process.stdout.write(`${token}\n`);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
