import { Logger } from '@nestjs/common';
import { ConfigError, loadServiceConfig } from '../config/service-config';
import { createServiceApp, startServiceApp } from './create-service-app';
import type { ServiceDefinition } from './service-definition';

/** The whole of a service's main.ts: validated config, then the app; a bad setting is one line and exit 1. */
export async function runService(def: ServiceDefinition): Promise<void> {
  let config;
  try {
    config = loadServiceConfig(def.name, def.defaultPort);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${def.name}: configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const service = await createServiceApp(def, config);
  await startServiceApp(service, config.port);
  new Logger(def.name).log(`listening on :${config.port} (docs at /docs)`);
}
