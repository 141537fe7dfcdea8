import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ServiceConfig } from '../config/service-config';
import { ErrorBodySchema } from '../http/error-body.schema';
import { ServiceRootModule } from './service-root.module';
import type { ServiceDefinition } from './service-definition';

/** The OpenAPI document of a service's app: the one it serves at /docs-json and the one built without running it. */
export function serviceOpenApi(app: INestApplication, def: ServiceDefinition): OpenAPIObject {
  const base = new DocumentBuilder()
    .setTitle(def.title)
    .setDescription(def.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, base, { extraModels: [ErrorBodySchema] });
}

/** Never dialled in preview mode; present only because the root module takes a config. */
const UNUSED_CONFIG: Omit<ServiceConfig, 'service'> = {
  databaseUrl: 'postgres://preview.invalid/none',
  natsServers: ['nats://preview.invalid:4222'],
  jwtSecret: 'preview-mode-never-verifies-a-token',
  port: 0,
  migrationsRun: false,
  streamReplicas: 1,
  logLevel: 'error',
};

/**
 * A service's OpenAPI document built in-process (the console's API types at build time): Nest's
 * preview mode scans the modules and their routes and instantiates no provider, so no database,
 * NATS or port is opened and no setting beyond the definition is read.
 */
export async function buildServiceOpenApi(def: ServiceDefinition): Promise<OpenAPIObject> {
  // abortOnError: false so a module that fails to scan throws here (and names itself) instead of exiting.
  const app = await NestFactory.create(ServiceRootModule.register(def, { ...UNUSED_CONFIG, service: def.name }), {
    preview: true,
    abortOnError: false,
    // Preview mode warns five times a run that it instantiates nothing, which is the point here.
    logger: ['error'],
  });
  try {
    return serviceOpenApi(app, def);
  } finally {
    await app.close();
  }
}
