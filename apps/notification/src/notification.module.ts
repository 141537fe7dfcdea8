import { DynamicModule, Module } from '@nestjs/common';
import { AgentUpsertedConsumer } from './agent-directory/agent-upserted.consumer';
import { KeepAgentCopy } from './agent-directory/keep-agent-copy';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveryLog } from './deliveries/delivery-log';
import { DeliveryWorker } from './deliver/delivery-worker';
import { EmailSender } from './deliver/email-sender';
import { WebhookSender } from './deliver/webhook-sender';
import { AlertDispatcher } from './dispatch/alert-dispatcher';
import { DeliverySignal } from './dispatch/delivery-signal';
import { FloodDigest } from './dispatch/flood-digest';
import { FloodWindowCloser } from './flood/flood-window-closer';
import { AcknowledgeConduct } from './inbox/acknowledge-conduct';
import { InboxController } from './inbox/inbox.controller';
import { InboxViewers } from './inbox/inbox-viewer';
import { ReadInbox } from './inbox/read-inbox';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';
import { ManageNotificationPolicy } from './policy/manage-notification-policy';
import { NotificationPolicyController } from './policy/notification-policy.controller';
import { AlertConsumer } from './receive-alert/alert.consumer';
import { ReceiveAlert } from './receive-alert/receive-alert';
import { ManageRoutingRules } from './routing-rules/manage-routing-rules';
import { RoutingRulesController } from './routing-rules/routing-rules.controller';
import { AgentDirectory, PgAgentDirectory } from './store/agent-directory';
import { AlertLog, PgAlertLog } from './store/alert-log.store';
import { DeliveryStore, PgDeliveryStore } from './store/delivery.store';
import { DispatchWriter, PgDispatchWriter } from './store/dispatch-writer';
import { FloodGroupStore, PgFloodGroupStore } from './store/flood-group.store';
import { InboxStore, PgInboxStore } from './store/inbox.store';
import { PgPolicyStore, PolicyStore } from './store/policy.store';
import { PgRoutingRuleStore, RoutingRuleStore } from './store/routing-rule.store';
import { PgWebhookStore, WebhookStore } from './store/webhook.store';
import { HostResolver, SystemHostResolver } from './network/host-resolver';
import { WebhookAddressGuard } from './network/webhook-address-guard';
import { ManageWebhooks } from './webhooks/manage-webhooks';
import { WebhooksController } from './webhooks/webhooks.controller';

/** Adapters a test may swap for its own (a resolver that answers names without DNS traffic). */
export interface NotificationAdapters {
  hostResolver?: HostResolver;
}

@Module({})
export class NotificationModule {
  static register(settings: NotificationSettings, adapters: NotificationAdapters = {}): DynamicModule {
    return {
      module: NotificationModule,
      controllers: [AlertConsumer, AgentUpsertedConsumer, RoutingRulesController, WebhooksController, DeliveriesController, InboxController, NotificationPolicyController],
      providers: [
        { provide: NOTIFICATION_SETTINGS, useValue: settings },
        { provide: AgentDirectory, useClass: PgAgentDirectory },
        { provide: AlertLog, useClass: PgAlertLog },
        { provide: DeliveryStore, useClass: PgDeliveryStore },
        { provide: DispatchWriter, useClass: PgDispatchWriter },
        { provide: FloodGroupStore, useClass: PgFloodGroupStore },
        { provide: InboxStore, useClass: PgInboxStore },
        { provide: PolicyStore, useClass: PgPolicyStore },
        { provide: RoutingRuleStore, useClass: PgRoutingRuleStore },
        { provide: WebhookStore, useClass: PgWebhookStore },
        adapters.hostResolver ? { provide: HostResolver, useValue: adapters.hostResolver } : { provide: HostResolver, useClass: SystemHostResolver },
        WebhookAddressGuard,
        DeliveryWorker,
        { provide: DeliverySignal, useExisting: DeliveryWorker },
        WebhookSender,
        EmailSender,
        AlertDispatcher,
        FloodDigest,
        FloodWindowCloser,
        ReceiveAlert,
        KeepAgentCopy,
        ManageRoutingRules,
        ManageWebhooks,
        DeliveryLog,
        InboxViewers,
        ReadInbox,
        AcknowledgeConduct,
        ManageNotificationPolicy,
      ],
    };
  }
}
