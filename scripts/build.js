#!/usr/bin/env node
// Builds every service to dist/apps/<service>/main.js (contracts.md: `node dist/apps/<service>/main.js`),
// and the console's web app to dist/apps/console/web. `npm run build -- scoring` builds one.
const { execFileSync } = require('node:child_process');
const { projects } = require('../nest-cli.json');

const wanted = process.argv.slice(2);
const apps = Object.entries(projects)
  // With no names: the five services (not the test probe under tests/, which benchmarks build by name).
  .filter(([name, p]) => p.type === 'application' && (wanted.includes(name) || (wanted.length === 0 && p.root.startsWith('apps/'))))
  .map(([name]) => name);
for (const app of apps) {
  process.stdout.write(`building ${app}\n`);
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', app], { stdio: 'inherit' });
}
// The console serves its single-page app from beside its main.js.
if (apps.includes('console')) {
  process.stdout.write('building console web app\n');
  execFileSync(process.execPath, [require('node:path').join(require('node:path').dirname(require.resolve('vite/package.json')), 'bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: require('node:path').join(__dirname, '../apps/console/web') });
}
