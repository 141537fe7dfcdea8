import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '@app/auth';
import { MessagingModule, MessagingReadiness } from '@app/messaging';
import { PersistenceModule } from '@app/persistence';
import type { ServiceConfig } from '../config/service-config';
import { OutboxAdminController } from '../admin/outbox-admin.controller';
import { AsyncApiController } from '../asyncapi/asyncapi.controller';
import { ASYNCAPI_SERVICE, ServiceAsyncApi } from '../asyncapi/service-asyncapi';
import { DatabaseReadiness } from '../health/database-readiness';
import { HealthController } from '../health/health.controller';
import { READINESS_CHECKS } from '../health/readiness';
import { MetricsController } from '../metrics/metrics.controller';
import { serviceMigrations, type ServiceDefinition } from './service-definition';

/** The modules every service runs with: its schema, its messaging, auth, health and metrics. */
@Module({})
export class ServiceRootModule {
  static register(def: ServiceDefinition, config: ServiceConfig): DynamicModule {
    return {
      module: ServiceRootModule,
      imports: [
        DiscoveryModule,
        PersistenceModule.forService({
          url: config.databaseUrl,
          schema: def.schema,
          entities: def.entities,
          migrations: serviceMigrations(def),
          migrationsRun: config.migrationsRun,
          applicationName: def.name,
        }),
        MessagingModule.forService({
          service: def.name,
          schema: def.schema,
          servers: config.natsServers,
          streams: def.streams,
          streamSettings: { replicas: config.streamReplicas },
          relay: def.relay,
        }),
        AuthModule.register({ secret: config.jwtSecret, maxTokenLifetimeSeconds: config.authMaxTokenLifetimeSeconds, oidc: config.oidc }),
        ...def.features,
      ],
      controllers: [HealthController, MetricsController, OutboxAdminController, AsyncApiController],
      providers: [
        { provide: ASYNCAPI_SERVICE, useValue: { name: def.name, title: def.title, publishes: def.publishes } },
        ServiceAsyncApi,
        DatabaseReadiness,
        { provide: READINESS_CHECKS, useFactory: (db: DatabaseReadiness, nats: MessagingReadiness) => [db, nats], inject: [DatabaseReadiness, MessagingReadiness] },
      ],
    };
  }
}
