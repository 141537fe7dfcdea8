import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const SERVICES = ['telephony-events', 'qa-evaluation', 'attendance', 'scoring', 'notification'] as const;
const HEADING = '## Where each rule lives';
const MIN_ROWS = 8;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

interface Reference {
  path: string;
  symbol?: string;
}

interface Row {
  line: number;
  rule: string;
  files: Reference[];
  tests: Reference[];
}

/** Cells split on unescaped pipes; the table's outer pipes leave an empty first and last cell. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** Every backticked `path` or `path#symbol` of a cell: prose around them is allowed, so a row may name two places. */
function references(cell: string): Reference[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map(([, text]) => {
    const [path, symbol] = text.split('#');
    return symbol === undefined ? { path } : { path, symbol };
  });
}

interface Table {
  header: string[];
  rows: Row[];
}

/** The section's table, or null when the README has no such section (the heading is matched whole, not as a prefix). */
function readTable(readme: string): Table | null {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.trim() === HEADING);
  if (start < 0) return null;
  const table: Table = { header: [], rows: [] };
  let inTable = false;
  for (let i = start + 1; i < lines.length && !lines[i].startsWith('## '); i += 1) {
    const line = lines[i].trim();
    // Prose may introduce the table; the first line that is not a table row after it ends it.
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    const row = cells(line);
    if (!inTable) {
      inTable = true;
      table.header = row;
      continue;
    }
    const [rule, file, test] = row;
    // The |---| separator row carries no rule.
    if (row.every((cell) => /^:?-+:?$/.test(cell))) continue;
    table.rows.push({ line: i + 1, rule, files: references(file ?? ''), tests: references(test ?? '') });
  }
  return table;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The app folder a repo-relative path is in, or null outside apps/. */
function appOf(path: string): string | null {
  return /^apps\/([^/]+)\//.exec(path)?.[1] ?? null;
}

/** What is wrong with one reference, in words that name the README, the row and the file or symbol. */
function check(service: string, row: Row, ref: Reference, column: 'file' | 'test'): string[] {
  const where = `apps/${service}/README.md line ${row.line} ("${row.rule}"), ${column} \`${ref.path}${ref.symbol ? `#${ref.symbol}` : ''}\``;
  const problems: string[] = [];
  if (ref.path.startsWith('/') || ref.path.split('/').includes('..')) return [`${where}: not a repo-relative path`];
  const app = appOf(ref.path);
  if (app !== null && app !== service) problems.push(`${where}: listed under another app (${app})`);
  if (column === 'file' && app !== service && !ref.path.startsWith('libs/')) {
    problems.push(`${where}: a rule file must be inside apps/${service}/ or libs/`);
  }
  if (column === 'test' && !/[.-]spec\.ts$/.test(ref.path)) problems.push(`${where}: not a spec file`);
  const absolute = join(ROOT, ref.path);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    problems.push(`${where}: file does not exist`);
    return problems;
  }
  if (ref.symbol !== undefined) {
    if (!IDENTIFIER.test(ref.symbol)) {
      problems.push(`${where}: symbol "${ref.symbol}" is not an identifier`);
    } else if (!new RegExp(`(?<![\\w$])${escapeRegExp(ref.symbol)}(?![\\w$])`).test(readFileSync(absolute, 'utf8'))) {
      problems.push(`${where}: symbol "${ref.symbol}" not found in the file`);
    }
  }
  return problems;
}

/** The README tables that tell a newcomer where a rule is implemented and tested (issue 18, item 6). */
describe('rule locations: each service README names real files', () => {
  describe.each(SERVICES)('%s', (service) => {
    const readmePath = join(ROOT, 'apps', service, 'README.md');
    const table = readTable(readFileSync(readmePath, 'utf8'));
    const rows = table?.rows ?? [];

    it(`has a "${HEADING}" table | rule | file | test | with at least ${MIN_ROWS} rows`, () => {
      const readme = `apps/${service}/README.md`;
      const problems = [
        ...(table === null ? [`${readme}: no "${HEADING}" section`] : []),
        ...(table !== null && table.header.join('|') !== 'rule|file|test' ? [`${readme}: header is | ${table.header.join(' | ')} |, not | rule | file | test |`] : []),
        ...(table !== null && rows.length < MIN_ROWS ? [`${readme}: ${rows.length} rows, at least ${MIN_ROWS} wanted`] : []),
      ];
      expect(problems).toEqual([]);
    });

    it('names, in every row, a rule file and a spec that exist, with the symbols they claim', () => {
      const problems = rows.flatMap((row) => [
        ...(row.files.length === 0 ? [`apps/${service}/README.md line ${row.line} ("${row.rule}"): no file named`] : []),
        ...(row.tests.length === 0 ? [`apps/${service}/README.md line ${row.line} ("${row.rule}"): no test named`] : []),
        ...row.files.flatMap((ref) => check(service, row, ref, 'file')),
        ...row.tests.flatMap((ref) => check(service, row, ref, 'test')),
      ]);
      expect(problems).toEqual([]);
    });
  });
});
