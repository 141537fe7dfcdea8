import { Logger } from '@nestjs/common';
import { ConfigError, loadServiceConfig } from '../config/service-config';
import { createServiceApp, startServiceApp } from './create-service-app';
import type { ServiceDefinition } from './service-definition';

/**
 * The whole of a service's main.ts: validated config, then the app; a bad setting is one line and exit 1.
 * A service with settings of its own passes `name` and a function that builds its definition from them
 * (it reads them with `loadServiceEnvironment`), so its settings fail the start the same way.
 */
export async function runService(def: ServiceDefinition): Promise<void>;
export async function runService(name: string, build: () => ServiceDefinition): Promise<void>;
export async function runService(defOrName: ServiceDefinition | string, build?: () => ServiceDefinition): Promise<void> {
  const name = typeof defOrName === 'string' ? defOrName : defOrName.name;
  let def: ServiceDefinition;
  let config;
  try {
    def = typeof defOrName === 'string' ? build!() : defOrName;
    config = loadServiceConfig(def.name, def.defaultPort);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${name}: configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const service = await createServiceApp(def, config);
  await startServiceApp(service, config.port);
  new Logger(def.name).log(`listening on :${config.port} (docs at /docs)`);
}
