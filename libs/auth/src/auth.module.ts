import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { JwtAuthGuard } from './jwt-auth.guard';

/** Every route needs a valid token unless marked @Public(). */
@Global()
@Module({})
export class AuthModule {
  static register(options: { secret: string }): DynamicModule {
    return {
      module: AuthModule,
      imports: [JwtModule.register({ secret: options.secret, verifyOptions: { algorithms: ['HS256'] } })],
      providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }],
      exports: [JwtModule],
    };
  }
}
