import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import { SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { attachJetStream, type JetStreamServer } from '@app/messaging';
import type { ServiceConfig } from '../config/service-config';
import { ServiceAsyncApi } from '../asyncapi/service-asyncapi';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { strictValidationPipe } from '../http/validation.pipe';
import { httpMetricsMiddleware } from '../metrics/http-metrics';
import { byteSize } from './byte-size';
import { RequestTextGuard, noteJsonEscapes } from '../http/request-text.guard';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { answerClientErrorsWithErrorBody } from './client-errors';
import { jsonShapeProblem, nestedTooDeep, tooManyJsonValues } from './json-value-budget';
import type { ServiceDefinition } from './service-definition';
import { ServiceRootModule } from './service-root.module';
import { contentTypeOf, streamedBodyMiddleware } from './streamed-body.middleware';
import { streamedRoutes } from './streamed-routes';
import { serviceOpenApi } from './service-openapi';

/** Values a JSON body may hold (json-value-budget.ts): ~12 MB of heap at most once parsed. */
const DEFAULT_JSON_VALUES = 200_000;
/** Nesting a JSON body may have: far past any document the services take, far below any stack. */
const DEFAULT_JSON_DEPTH = 64;

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
  const isStreamed = streamedRoutes(app);
  const parses = (types: string[]) => (req: IncomingMessage) => !isStreamed(req) && types.includes(contentTypeOf(req).mediaType ?? '');
  const textLimit = def.bodyLimits?.text ?? '1mb';
  app.use(streamedBodyMiddleware(isStreamed, byteSize(def.bodyLimits?.streamed ?? textLimit)));
  const jsonValues = def.bodyLimits?.jsonValues ?? DEFAULT_JSON_VALUES;
  const jsonDepth = def.bodyLimits?.jsonDepth ?? DEFAULT_JSON_DEPTH;
  // Nest's types keep `verify` for its rawBody option, which these services do not use; it passes
  // the options to express.json / express.text unchanged, so the value budget and the depth limit
  // run before any parse. NDJSON is JSON a line at a time: its lines are parsed by the routes, under
  // the same limits.
  const withinShape = (req: IncomingMessage, _res: unknown, buf: Buffer) => {
    const { mediaType, charset } = contentTypeOf(req);
    if (mediaType !== 'application/json' && mediaType !== 'application/x-ndjson') return;
    const problem = jsonShapeProblem(buf, { maxValues: jsonValues, maxDepth: jsonDepth, lines: mediaType === 'application/x-ndjson' });
    if (problem === 'values') throw tooManyJsonValues(jsonValues);
    if (problem === 'depth') throw nestedTooDeep(jsonDepth);
    if (mediaType === 'application/json') noteJsonEscapes(req, buf, charset);
  };
  const jsonOptions = { type: parses(['application/json']), limit: def.bodyLimits?.json ?? '1mb', verify: withinShape };
  const textOptions = { type: parses(['text/plain', 'application/x-ndjson']), limit: textLimit, verify: withinShape };
  app.useBodyParser('json', jsonOptions);
  app.useBodyParser('text', textOptions);
  // NUL and lone surrogates in parameters, query and body are refused here, before any pipe or handler.
  app.useGlobalGuards(new RequestTextGuard());
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  // A repeated POST under the same Idempotency-Key answers as the first (a double click files one record).
  app.useGlobalInterceptors(new IdempotencyInterceptor(app.get(DataSource), def.schema, app.get(Reflector)));
  app.enableShutdownHooks();
  // A URL past node's maxHeaderSize (16 KB), or a request node cannot parse, answered in the error body too.
  answerClientErrorsWithErrorBody(app.getHttpServer());

  SwaggerModule.setup('docs', app, () => serviceOpenApi(app, def), { jsonDocumentUrl: 'docs-json' });

  const transport = attachJetStream(app, def.jetstream);
  app.get(ServiceAsyncApi).track(transport);
  return { app, transport };
}

/** Starts consumers, then HTTP. */
export async function startServiceApp({ app }: ServiceApp, port: number, host = '0.0.0.0'): Promise<void> {
  await app.startAllMicroservices();
  await app.listen(port, host);
}
