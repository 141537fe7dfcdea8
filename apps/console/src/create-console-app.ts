import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import { ApiExceptionFilter } from '@app/platform';
import type { ConsoleConfig } from './config/console-config';
import { ConsoleModule } from './console.module';
import { mountApiProxy } from './proxy/mount-api-proxy';
import { mountSpa } from './spa/mount-spa';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The console app, not listening yet; main.ts and the browser tests both use it. */
export async function createConsoleApp(config: ConsoleConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule.register(config), {
    // No global body parser: the proxy streams request bodies to the services untouched.
    bodyParser: false,
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel as LogLevel) + 1),
  });
  app.use('/auth', json({ limit: '16kb' }));
  mountApiProxy(app, config);
  mountSpa(app, config.webDir);
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
