'use strict';
// Notices that whatever started the dev runner is gone, so nothing is left holding the ports.
//
// Why: `npm run dev` runs `sh -c "node scripts/dev.js"`. A SIGTERM to npm (what IDE stop buttons,
// `timeout` and process managers send) is forwarded to that sh, which dies without passing it on;
// npm then exits and the runner would be orphaned with every service still running. And a
// SIGKILL to npm leaves sh waiting for the runner for ever. Watching the parent (sh) and, under
// npm, the grandparent (npm) turns both into an orderly stop.

const fs = require('fs');

/** The parent pid of `pid` from /proc (Linux), or null where there is no /proc. */
function parentOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** The processes whose end should stop the runner: its parent, and npm above a `sh -c` parent. */
function launchers() {
  const pids = [process.ppid];
  if (process.env.npm_lifecycle_event) {
    const grandparent = parentOf(process.ppid);
    if (grandparent && grandparent > 1) pids.push(grandparent);
  }
  return pids;
}

/** Calls `onGone(description)` once when the parent changes or a launcher process has ended. */
function watchLaunchers(onGone, { everyMs = 200 } = {}) {
  const parentAtStart = process.ppid;
  const watched = launchers();
  const timer = setInterval(() => {
    let gone = null;
    if (process.ppid !== parentAtStart) gone = `its parent process ${parentAtStart} ended`;
    else {
      const dead = watched.find((pid) => !isAlive(pid));
      if (dead) gone = `the process that started it (${dead}) ended`;
    }
    if (!gone) return;
    clearInterval(timer);
    onGone(gone);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

module.exports = { watchLaunchers, parentOf };
