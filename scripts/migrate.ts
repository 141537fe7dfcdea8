/**
 * Runs one service's migrations against DATABASE_URL:  npm run migration:run -- scoring
 * (also `migration:revert`, `migration:show`). Services also apply them at start-up.
 */
import 'reflect-metadata';
import { createServiceDataSource, revertLastMigration, runServiceMigrations } from '@app/persistence';
import { serviceMigrations } from '@app/platform';
import { ATTENDANCE_SERVICE } from '../apps/attendance/src/attendance.service';
import { NOTIFICATION_SERVICE } from '../apps/notification/src/notification.service';
import { QA_SERVICE } from '../apps/qa-evaluation/src/qa-evaluation.service';
import { SCORING_SERVICE } from '../apps/scoring/src/scoring.service';
import { TELEPHONY_SERVICE } from '../apps/telephony-events/src/telephony-events.service';

const services = [TELEPHONY_SERVICE, QA_SERVICE, ATTENDANCE_SERVICE, SCORING_SERVICE, NOTIFICATION_SERVICE];

async function main(): Promise<void> {
  const [action, name] = process.argv.slice(2);
  const def = services.find((s) => s.name === name);
  if (!def || !['run', 'revert', 'show'].includes(action) || !process.env.DATABASE_URL) {
    process.stderr.write(`usage: DATABASE_URL=postgres://… npm run migration:${action ?? 'run'} -- <${services.map((s) => s.name).join('|')}>\n`);
    process.exit(2);
  }
  const ds = createServiceDataSource({ url: process.env.DATABASE_URL, schema: def.schema, entities: def.entities, migrations: serviceMigrations(def) });
  await ds.initialize();
  try {
    if (action === 'run') process.stdout.write(`applied: ${(await runServiceMigrations(ds)).join(', ') || 'nothing pending'}\n`);
    if (action === 'revert') await revertLastMigration(ds);
    if (action === 'show') process.stdout.write(`pending: ${(await ds.showMigrations()) ? 'yes' : 'no'}\n`);
  } finally {
    await ds.destroy();
  }
}

void main();
