import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { ConsoleConfigError, loadConsoleConfig } from './config/console-config';
import { createConsoleApp } from './create-console-app';

async function main(): Promise<void> {
  let config;
  try {
    // The build puts the app beside main.js: dist/apps/console/web.
    config = loadConsoleConfig(process.env, join(__dirname, 'web'));
  } catch (err) {
    if (err instanceof ConsoleConfigError) {
      process.stderr.write(`console: configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = await createConsoleApp(config);
  await app.listen(config.port, '0.0.0.0');
  new Logger('console').log(`listening on :${config.port} (sign-in: ${config.signIn.kind})`);
}

void main();
