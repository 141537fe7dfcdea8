import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** The real `eslint` on `code` as if it were `filePath` (a child process: the config is an ES module jest cannot load). */
async function problems(filePath: string, code: string): Promise<string[]> {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** The architecture's import boundaries, as the lint configuration enforces them. */
describe('lint: import boundaries', () => {
  it('refuses an app importing another app, by relative or rooted path', async () => {
    const relative = await problems('apps/scoring/src/close/close.handler.ts', `import { x } from '../../../attendance/src/agents/x';\nexport const y = x;\n`);
    expect(relative).toEqual([expect.stringContaining('apps/scoring may not import another app')]);
    const rooted = await problems('apps/scoring/src/close/close.handler.ts', `import { x } from 'apps/telephony-events/src/x';\nexport const y = x;\n`);
    expect(rooted).toHaveLength(1);
    const fromTests = await problems('apps/qa-evaluation/test/a.int-spec.ts', `import { x } from '../../scoring/test/harness';\nexport const y = x;\n`);
    expect(fromTests).toHaveLength(1);
  });

  it('lets an app import its own folders, the libs and the shared test helpers', async () => {
    const code = `import { a } from '../store/a';\nimport { b } from '@app/contracts';\nimport { c } from '../../../tests/support/wait-for';\nexport const y = [a, b, c];\n`;
    expect(await problems('apps/scoring/src/close/close.handler.ts', code)).toEqual([]);
  });

  it('keeps both rules in domain code: no framework, no other app', async () => {
    const code = `import { Injectable } from '@nestjs/common';\nimport { x } from '../../../scoring/src/domain/x';\nexport const y = [Injectable, x];\n`;
    const found = await problems('apps/attendance/src/domain/rules.ts', code);
    expect(found).toEqual([expect.stringContaining('no framework imports'), expect.stringContaining('may not import another app')]);
  });

  it('refuses a lib importing an app', async () => {
    expect(await problems('libs/platform/src/x.ts', `import { x } from '../../../apps/scoring/src/x';\nexport const y = x;\n`)).toHaveLength(1);
  });
});
