import type { INestApplication } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mintToken } from '@app/auth';
import type { Role } from '@app/contracts';
import { createServiceApp, startServiceApp, type ServiceDefinition } from '@app/platform';
/* eslint-disable no-restricted-imports -- the console's browser tests run the five real services in this process (issue 9); nothing else in apps/console imports them */
import { ATTENDANCE_SERVICE } from '../../attendance/src/attendance.service';
import { NOTIFICATION_SERVICE } from '../../notification/src/notification.service';
import { QA_SERVICE } from '../../qa-evaluation/src/qa-evaluation.service';
import { SCORING_SERVICE } from '../../scoring/src/scoring.service';
import { telephonyService } from '../../telephony-events/src/telephony-events.service';
import { telephonySettings } from '../../telephony-events/src/telephony-settings';
/* eslint-enable no-restricted-imports */
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../../../tests/support/test-env';
import { loadConsoleConfig, type UpstreamName } from '../src/config/console-config';
import { createConsoleApp } from '../src/create-console-app';

const services = (recordingsDir?: string): ServiceDefinition[] => [
  telephonyService(telephonySettings({ RECORDINGS_DIR: recordingsDir })),
  QA_SERVICE,
  ATTENDANCE_SERVICE,
  SCORING_SERVICE,
  NOTIFICATION_SERVICE,
];
const ENV_OF: Record<UpstreamName, string> = {
  'telephony-events': 'TELEPHONY_EVENTS_URL',
  'qa-evaluation': 'QA_EVALUATION_URL',
  attendance: 'ATTENDANCE_URL',
  scoring: 'SCORING_URL',
  notification: 'NOTIFICATION_URL',
};
export const CHROMIUM = '/usr/bin/chromium';
/**
 * Where the tests save their screenshots: the README's set in docs/screenshots only when asked
 * (`UPDATE_SCREENSHOTS=1 npx jest apps/console`), so an ordinary test run leaves the tree clean.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(__dirname, '../../../docs/screenshots') : join(tmpdir(), 'callcentre-console-screenshots');

/**
 * The five real services in this process on a throw-away database and a private nats-server, the
 * console in front of them serving a fresh build of the web app, and Debian's Chromium.
 */
export interface ConsoleHarness {
  env: TestEnv;
  url: string;
  browser: Browser;
  /** A service's own base URL, for arranging data through its API. */
  service(name: UpstreamName): string;
  token(sub: string, role: Role, agentId?: string): string;
  /** A JSON call to a service as someone; throws on a non-2xx answer unless `allowError`. */
  call<T = unknown>(name: UpstreamName, method: string, path: string, as: { sub: string; role: Role; agentId?: string }, body?: unknown, allowError?: boolean): Promise<{ status: number; body: T }>;
  /** Every item of a list (`{ items, nextCursor }` pages), following `nextCursor` 1,000 at a time. */
  all<T = unknown>(name: UpstreamName, path: string, as: { sub: string; role: Role; agentId?: string }): Promise<T[]>;
  /** A new browser page (its own storage) with the language preset. */
  page(lang?: 'zh' | 'en'): Promise<Page>;
  close(): Promise<void>;
}

export function buildWebApp(): string {
  const out = mkdtempSync(join(tmpdir(), 'console-web-'));
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: join(__dirname, '../web'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr || r.stdout}`);
  return out;
}

/** `recordingsDir`: telephony-events' RECORDINGS_DIR, where the calls' recordings are played from (default `./recordings`). */
export async function startConsoleHarness(opts: { recordingsDir?: string } = {}): Promise<ConsoleHarness> {
  // The browser first: without it nothing is started, so a missing chromium fails this suite alone rather than
  // leaving five services' workers running into the suites that share this jest worker.
  const browser = await chromium
    .launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
    .catch((err: Error) => {
      throw new Error(`${err.message}\n(install it as .ci/run does: apt-get install -y chromium)`);
    });
  const webDir = buildWebApp();
  const env = await createTestEnv();
  // Month close is the test's to do: scoring's own close-day worker would otherwise close last month mid-run.
  const autoClose = process.env.SCORING_AUTO_CLOSE;
  process.env.SCORING_AUTO_CLOSE = 'false';
  const apps: INestApplication[] = [];
  const urls = {} as Record<UpstreamName, string>;
  for (const def of services(opts.recordingsDir)) {
    const s = await createServiceApp(def, env.config(def.name));
    await startServiceApp(s, 0, '127.0.0.1');
    apps.push(s.app);
    urls[def.name as UpstreamName] = (await s.app.getUrl()).replace('[::1]', '127.0.0.1');
  }
  const config = loadConsoleConfig(
    { NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, CONSOLE_WEB_DIR: webDir, LOG_LEVEL: 'error', ...Object.fromEntries(Object.entries(urls).map(([k, v]) => [ENV_OF[k as UpstreamName], v])) },
    webDir,
  );
  const consoleApp = await createConsoleApp(config);
  await consoleApp.listen(0, '127.0.0.1');
  const url = (await consoleApp.getUrl()).replace('[::1]', '127.0.0.1');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const token = (sub: string, role: Role, agentId?: string) => mintToken(TEST_JWT_SECRET, { sub, roles: [role], agentId });
  const harness: ConsoleHarness = {
    env,
    url,
    browser,
    service: (name) => urls[name],
    token,
    async call(name, method, path, as, body, allowError = false) {
      const res = await fetch(`${urls[name]}${path}`, {
        method,
        headers: { authorization: `Bearer ${token(as.sub, as.role, as.agentId)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const parsed = text ? JSON.parse(text) : undefined;
      if (!res.ok && !allowError) throw new Error(`${method} ${name}${path} → ${res.status} ${text}`);
      return { status: res.status, body: parsed };
    },
    async all<T>(name: UpstreamName, path: string, as: { sub: string; role: Role; agentId?: string }) {
      const items: T[] = [];
      let cursor: string | null = null;
      do {
        const pagePath = `${path}${path.includes('?') ? '&' : '?'}limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page: { items: T[]; nextCursor: string | null } = (await harness.call<{ items: T[]; nextCursor: string | null }>(name, 'GET', pagePath, as)).body;
        if (!Array.isArray(page?.items)) throw new Error(`GET ${name}${path} is not a page: ${JSON.stringify(page).slice(0, 200)}`);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    async page(lang = 'zh') {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
      // A string, not a function: this file is type-checked without the DOM library.
      await context.addInitScript(`if (!localStorage.getItem('console.lang')) localStorage.setItem('console.lang', '${lang}');`);
      return context.newPage();
    },
    async close() {
      await browser.close().catch(() => undefined);
      await consoleApp.close();
      for (const app of apps.reverse()) await app.close();
      await env.dispose();
      rmSync(webDir, { recursive: true, force: true });
      if (autoClose === undefined) delete process.env.SCORING_AUTO_CLOSE;
      else process.env.SCORING_AUTO_CLOSE = autoClose;
    },
  };
  return harness;
}

/**
 * Opens an antd Select by its test id and picks the option whose text matches. On a loaded machine a
 * click can land while the dropdown is still animating and select nothing, so it looks at the result
 * and tries again (closing the dropdown first) rather than waiting out the test's timeout.
 */
export async function pick(page: Page, testId: string, option: RegExp | string): Promise<void> {
  const chosen = page.getByTestId(testId).getByText(option).first();
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(testId).click();
    // The newest dropdown is the last one in the page; an earlier one may still be fading out.
    await page.locator('.ant-select-dropdown:visible').last().locator('.ant-select-item-option', { hasText: option }).first().click();
    try {
      await chosen.waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 4) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/** Picks from a searchable antd Select by typing and Enter (no race with another dropdown fading out). */
export async function pickTyped(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option-active', { hasText: text }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId(testId).getByText(text).first().waitFor();
}

/** Signs in through the development sign-in page as a person and role (labels as the page shows them). */
export async function signIn(page: Page, url: string, person: RegExp, roleLabel: string): Promise<void> {
  await page.goto(url);
  await pick(page, 'person-select', person);
  await pick(page, 'role-select', new RegExp(`^${roleLabel}$`));
  await page.getByTestId('sign-in').click();
  await page.getByTestId('current-user').waitFor();
}
