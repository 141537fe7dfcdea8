import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AUTH_OPTIONS, JwtAuthGuard } from './jwt-auth.guard';
import type { AuthOptions } from './token-lifetime';

/** Every route needs a valid, expiring token unless marked @Public(). */
@Global()
@Module({})
export class AuthModule {
  static register(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [JwtModule.register({ secret: options.secret, verifyOptions: { algorithms: ['HS256'] } })],
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, { provide: APP_GUARD, useClass: JwtAuthGuard }],
      exports: [JwtModule, AUTH_OPTIONS],
    };
  }
}
