'use strict';
// Prefixed, coloured, line-buffered output: every line a process prints is written whole,
// behind a fixed-width `[name        ]` tag, so five services can share one terminal.

const LABEL_WIDTH = 12; // the longest tag, "notification"

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1 };

const useColor = process.env.FORCE_COLOR
  ? process.env.FORCE_COLOR !== '0'
  : Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env);

function paint(color, text) {
  return useColor && CODES[color] ? `\x1b[${CODES[color]}m${text}\x1b[0m` : text;
}

function tag(label, color) {
  return `${paint(color, `[${label.padEnd(LABEL_WIDTH)}]`)} `;
}

/** Writes every complete line of `readable` to `out` behind `prefix`; a trailing partial line is flushed at the end. */
function pipeLines(readable, out, prefix) {
  let pending = '';
  readable.setEncoding('utf8'); // decodes multi-byte characters split across chunks
  readable.on('data', (chunk) => {
    pending += chunk;
    let newline;
    while ((newline = pending.indexOf('\n')) >= 0) {
      out.write(prefix + pending.slice(0, newline).replace(/\r$/, '') + '\n');
      pending = pending.slice(newline + 1);
    }
  });
  readable.on('end', () => {
    if (pending) out.write(prefix + pending + '\n');
    pending = '';
  });
}

/** A logger for the dev runner's own messages, tagged like the services. */
function createLogger(label, color = 'bold') {
  const prefix = tag(label, color);
  const write = (out, text) => String(text).split('\n').forEach((line) => out.write(prefix + line + '\n'));
  return {
    info: (text) => write(process.stdout, text),
    warn: (text) => write(process.stderr, paint('yellow', text)),
    error: (text) => write(process.stderr, paint('red', text)),
  };
}

module.exports = { paint, tag, pipeLines, createLogger, LABEL_WIDTH };
