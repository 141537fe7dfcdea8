import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { attachJetStream, type JetStreamServer } from '@app/messaging';
import type { ServiceConfig } from '../config/service-config';
import { ServiceAsyncApi } from '../asyncapi/service-asyncapi';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { ErrorBodySchema } from '../http/error-body.schema';
import { strictValidationPipe } from '../http/validation.pipe';
import { httpMetricsMiddleware } from '../metrics/http-metrics';
import type { ServiceDefinition } from './service-definition';
import { ServiceRootModule } from './service-root.module';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface ServiceApp {
  app: INestApplication;
  transport: JetStreamServer;
}

/**
 * Builds a fully wired service (HTTP + JetStream transport) without listening yet. main.ts and
 * the integration tests both use it, so tests exercise exactly what production runs.
 */
export async function createServiceApp(def: ServiceDefinition, config: ServiceConfig): Promise<ServiceApp> {
  const app = await NestFactory.create<NestExpressApplication>(ServiceRootModule.register(def, config), {
    bodyParser: false,
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel as LogLevel) + 1),
  });
  app.use(httpMetricsMiddleware());
  app.useBodyParser('json', { limit: def.bodyLimits?.json ?? '1mb' });
  app.useBodyParser('text', { type: ['text/plain', 'application/x-ndjson'], limit: def.bodyLimits?.text ?? '1mb' });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle(def.title)
    .setDescription(def.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc, { extraModels: [ErrorBodySchema] }), { jsonDocumentUrl: 'docs-json' });

  const transport = attachJetStream(app, def.jetstream);
  app.get(ServiceAsyncApi).track(transport);
  return { app, transport };
}

/** Starts consumers, then HTTP. */
export async function startServiceApp({ app }: ServiceApp, port: number, host = '0.0.0.0'): Promise<void> {
  await app.startAllMicroservices();
  await app.listen(port, host);
}
