import { Inject, Injectable } from '@nestjs/common';
import { alertSubject } from '@app/contracts';
import { buildAsyncApiDocument, deadLetterSubject, PARKED_ALERT_KIND, type AsyncApiDocument, type JetStreamServer } from '@app/messaging';
import type { ServiceDefinition } from '../bootstrap/service-definition';

export const ASYNCAPI_SERVICE = Symbol('ASYNCAPI_SERVICE');

/**
 * What one service publishes and consumes, as AsyncAPI: its declared `publishes`, the subjects
 * its handlers consume (read from the transport), and what the platform publishes for it
 * (parked-message alerts from the relay; dead letters and their alerts from the consumers).
 */
@Injectable()
export class ServiceAsyncApi {
  private transport?: JetStreamServer;
  private cached?: AsyncApiDocument;

  constructor(@Inject(ASYNCAPI_SERVICE) private readonly def: Pick<ServiceDefinition, 'name' | 'title' | 'publishes'>) {}

  track(transport: JetStreamServer): void {
    this.transport = transport;
    this.cached = undefined;
  }

  document(): AsyncApiDocument {
    if (this.cached) return this.cached;
    const consumes = this.transport?.consumedSubjects() ?? [];
    const platform = [alertSubject(PARKED_ALERT_KIND)];
    if (consumes.length > 0) platform.push(alertSubject('message.dead-lettered'), deadLetterSubject(this.def.name, '>'));
    const doc = buildAsyncApiDocument({
      title: `${this.def.title}: events`,
      description: `What ${this.def.name} publishes (send) and consumes (receive) on NATS JetStream; payloads from libs/contracts.`,
      publishes: [...(this.def.publishes ?? []), ...platform],
      consumes,
    });
    // Handlers are known once the transport is attached; before that the document is not final.
    if (this.transport) this.cached = doc;
    return doc;
  }
}
