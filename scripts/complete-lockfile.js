#!/usr/bin/env node
// The registry this project's machines reach lacks some other platforms' optional binaries
// (e.g. @rspack/binding-darwin-arm64@2.3.2), so `npm install` here leaves them out of
// package-lock.json and `npm ci` then calls the lock out of sync. This adds the entries a full
// registry would have written: name, exact version, optional, and the os/cpu npm uses to skip
// them on other machines. Run it after changing dependencies: `node scripts/complete-lockfile.js`.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));

const OS = { darwin: 'darwin', linux: 'linux', win32: 'win32', freebsd: 'freebsd', android: 'android', openharmony: 'openharmony', wasm32: null };
const CPU = { arm64: 'arm64', x64: 'x64', ia32: 'ia32', arm: 'arm', ppc64: 'ppc64', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64', wasm32: 'wasm32' };

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => p in OS && OS[p]);
  const cpu = parts.find((p) => p in CPU);
  const libc = parts.some((p) => p.startsWith('musl') || p === 'musleabihf') ? 'musl' : parts.some((p) => p.startsWith('gnu')) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (!/^\d+\.\d+\.\d+([-+].*)?$/.test(spec)) continue; // only exact pins can be completed safely
    const nested = `${where ? `${where}/` : ''}node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!cpu) continue; // not a platform binary: leave it to npm
    const entry = { version: spec, optional: true };
    if (cpu) entry.cpu = [cpu];
    if (os) entry.os = [os];
    if (libc) entry.libc = [libc];
    lock.packages[`node_modules/${dep}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: added ${added} other-platform optional entries\n`);
