'use strict';
// `npm run build`, skipped when every service's dist/apps/<service>/main.js is newer than the sources.

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const SOURCE_DIRS = ['apps', 'libs'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'nest-cli.json', 'tsconfig.json', 'tsconfig.base.json'];

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function newestIn(dir) {
  let newest = 0;
  const entries = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : [];
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : mtime(full) || 0);
  }
  return newest;
}

function entryPoint(root, service) {
  return path.join(root, 'dist', 'apps', service, 'main.js');
}

/** True when all entry points exist and none is older than the newest source file. */
function isDistFresh(root, services) {
  const built = services.map((s) => mtime(entryPoint(root, s)));
  if (built.some((t) => t === null)) return false;
  const sources = Math.max(
    ...SOURCE_DIRS.map((d) => newestIn(path.join(root, d))),
    ...SOURCE_FILES.map((f) => mtime(path.join(root, f)) || 0),
  );
  return Math.min(...built) >= sources;
}

/** Runs `npm run build` in the terminal's foreground (Ctrl-C stops it); resolves with its exit code. */
function runBuild(root) {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code === null ? 1 : code));
  });
}

module.exports = { isDistFresh, runBuild, entryPoint };
