import type { ErrorDetail } from '@app/contracts';
import { DomainError, NotFoundError, ValidationFailedError } from '@app/platform';

/** Also the prefix of a delivery's error when a send was refused at connect time. */
export const WEBHOOK_ADDRESS_FORBIDDEN = 'NOTIFICATION.WEBHOOK_ADDRESS_FORBIDDEN';

/** Every refusal of this service, with its stable code; the HTTP status is chosen here, once. */
export const NotificationErrors = {
  invalidRequest: (details: ErrorDetail[]) => new ValidationFailedError(details),
  ruleMatchesNothing: (details: ErrorDetail[]) =>
    new DomainError('NOTIFICATION.RULE_MATCHES_NOTHING', 'The rule names kinds, teams or agents nobody knows: it could never fire / 规则匹配不到任何已知告警', 422, details),
  unknownWebhook: (details: ErrorDetail[]) => new DomainError('NOTIFICATION.WEBHOOK_UNKNOWN', 'The rule names a webhook that does not exist / 规则引用的 Webhook 不存在', 422, details),
  ruleNotFound: (ruleId: string) => new NotFoundError('NOTIFICATION.RULE_NOT_FOUND', `No routing rule ${ruleId} / 未找到路由规则 ${ruleId}`),
  webhookUrlNotHttp: (path: string) =>
    new DomainError('NOTIFICATION.WEBHOOK_URL_NOT_HTTP', 'A webhook URL must be http:// or https:// / Webhook 地址必须是 http 或 https', 400, [{ path, message: 'must be an http(s) URL' }]),
  webhookAddressForbidden: (path: string, why: string) =>
    new DomainError(
      WEBHOOK_ADDRESS_FORBIDDEN,
      'The webhook URL points at an internal, reserved or disguised address, or carries credentials / Webhook 地址指向内部、保留或伪装的地址,或带有用户名密码,不允许使用',
      422,
      [{ path, message: why }],
    ),
  webhookNotFound: (webhookId: string) => new NotFoundError('NOTIFICATION.WEBHOOK_NOT_FOUND', `No webhook ${webhookId} / 未找到 Webhook ${webhookId}`),
  webhookExists: (webhookId: string) =>
    new DomainError('NOTIFICATION.WEBHOOK_EXISTS', `Webhook ${webhookId} exists already / Webhook ${webhookId} 已存在`, 409, [{ path: 'webhookId', message: 'taken' }]),
  deliveryNotFound: (deliveryId: string) => new NotFoundError('NOTIFICATION.DELIVERY_NOT_FOUND', `No delivery ${deliveryId} / 未找到投递 ${deliveryId}`),
  deliveryNotResendable: (deliveryId: string, status: string) =>
    new DomainError('NOTIFICATION.DELIVERY_NOT_RESENDABLE', `Delivery ${deliveryId} is ${status}: only failed or delivered ones are sent again / 仅失败或已送达的投递可重发`, 409, [{ path: 'deliveryId', message: status }]),
  inboxItemNotFound: (itemId: string) => new NotFoundError('NOTIFICATION.INBOX_ITEM_NOT_FOUND', `No inbox item ${itemId} for you / 收件箱中没有 ${itemId}`),
  notAcknowledgeable: (itemId: string, why: string) =>
    new DomainError('NOTIFICATION.NOT_ACKNOWLEDGEABLE', `Item ${itemId} cannot be acknowledged: ${why} / 该消息无需签字确认`, 409, [{ path: 'itemId', message: why }]),
};
