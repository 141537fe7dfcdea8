import { DynamicModule, Module } from '@nestjs/common';
import { READINESS_CHECKS } from '@app/platform';
import { HealthController } from '@app/platform/health/health.controller';
import type { ConsoleConfig } from './config/console-config';
import { SpaReadiness } from './health/spa-readiness';
import { MediaSessionController } from './media-session/media-session.controller';
import { OidcClient } from './oidc/oidc-client';
import { OidcController, PUBLIC_URL } from './oidc/oidc.controller';
import { DevSignInHandler } from './sign-in/dev-sign-in.handler';
import { AttendancePeopleDirectory, PeopleDirectory } from './sign-in/people-directory';
import { SIGN_IN_MODE, SignInController } from './sign-in/sign-in.controller';

/** The console needs no database and no NATS: sign-in, health, and (mounted outside Nest's router) the proxy and the app. */
@Module({})
export class ConsoleModule {
  static register(config: ConsoleConfig): DynamicModule {
    const mode = config.signIn;
    const secret = mode.kind === 'dev' ? mode.jwtSecret : '';
    return {
      module: ConsoleModule,
      controllers: [HealthController, SignInController, OidcController, MediaSessionController],
      providers: [
        { provide: SIGN_IN_MODE, useValue: mode },
        { provide: PUBLIC_URL, useValue: config.publicUrl },
        { provide: PeopleDirectory, useValue: new AttendancePeopleDirectory(config.upstreams.attendance, secret) },
        { provide: DevSignInHandler, useFactory: (people: PeopleDirectory) => new DevSignInHandler(people, secret), inject: [PeopleDirectory] },
        { provide: OidcClient, useValue: mode.kind === 'oidc' ? new OidcClient(mode.issuer, mode.clientId, mode.scopes) : null },
        { provide: READINESS_CHECKS, useValue: [new SpaReadiness(config.webDir)] },
      ],
    };
  }
}
