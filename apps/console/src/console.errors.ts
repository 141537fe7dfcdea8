import { DomainError } from '@app/platform';

/** Every refusal the console itself gives (the services' own errors pass through the proxy unchanged). */
export const ConsoleErrors = {
  unknownPerson: (personId: string) =>
    new DomainError('CONSOLE.UNKNOWN_PERSON', `No such person to sign in as: ${personId} / 没有此人员:${personId}`, 404, [{ path: 'personId', message: 'unknown person / 未知人员' }]),
  devSignInDisabled: () =>
    new DomainError('CONSOLE.DEV_SIGN_IN_DISABLED', 'The development sign-in is off (production or OIDC) / 开发登录已关闭(生产环境或已配置 OIDC)', 404),
  oidcDisabled: () => new DomainError('CONSOLE.OIDC_DISABLED', 'OIDC sign-in is not configured / 未配置 OIDC 登录', 404),
  oidcFailed: (why: string) => new DomainError('CONSOLE.OIDC_FAILED', `OIDC sign-in failed: ${why} / OIDC 登录失败:${why}`, 400),
  mediaSessionWithoutToken: () =>
    new DomainError('CONSOLE.MEDIA_SESSION_TOKEN_MISSING', 'A current bearer token is required to play recordings / 播放录音需要有效的登录令牌', 401, [
      { path: 'authorization', message: 'Bearer token missing, malformed or expired / 令牌缺失、格式错误或已过期' },
    ]),
  upstreamUnavailable: (service: string) => ({
    error: 'CONSOLE.UPSTREAM_UNAVAILABLE',
    message: `The ${service} service is not reachable / ${service} 服务不可达`,
    details: [{ path: service, message: 'unreachable / 不可达' }],
  }),
};
