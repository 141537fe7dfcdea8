#!/usr/bin/env node
// Builds every service to dist/apps/<service>/main.js (contracts.md: `node dist/apps/<service>/main.js`).
// `npm run build -- scoring` builds one.
const { execFileSync } = require('node:child_process');
const { projects } = require('../nest-cli.json');

const wanted = process.argv.slice(2);
const apps = Object.entries(projects)
  .filter(([name, p]) => p.type === 'application' && (wanted.length === 0 || wanted.includes(name)))
  .map(([name]) => name);
for (const app of apps) {
  process.stdout.write(`building ${app}\n`);
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', app], { stdio: 'inherit' });
}
