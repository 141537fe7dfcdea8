import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { strictValidationPipe } from '@app/platform';
import type { SignInMode } from '../config/console-config';
import { ConsoleErrors } from '../console.errors';
import { DevSignInCommand } from './dev-sign-in.command';
import { DevSignInHandler, type SignedIn } from './dev-sign-in.handler';
import { PeopleDirectory, type PeopleList } from './people-directory';
import { HUMAN_ROLES } from './person';

export const SIGN_IN_MODE = Symbol('SIGN_IN_MODE');

@Controller('auth')
export class SignInController {
  constructor(
    @Inject(SIGN_IN_MODE) private readonly mode: SignInMode,
    private readonly people: PeopleDirectory,
    private readonly devSignIn: DevSignInHandler,
  ) {}

  /** What the sign-in page shows: the development picker, the OIDC button, or why neither. */
  @Get('config')
  config(): { mode: SignInMode['kind']; roles: readonly string[]; reason?: string } {
    return { mode: this.mode.kind, roles: HUMAN_ROLES, ...(this.mode.kind === 'none' ? { reason: this.mode.reason } : {}) };
  }

  @Get('dev/people')
  listPeople(): Promise<PeopleList> {
    if (this.mode.kind !== 'dev') throw ConsoleErrors.devSignInDisabled();
    return this.people.list();
  }

  @Post('dev/sign-in')
  @HttpCode(200)
  // The console is no createServiceApp service (no global pipe: its proxy streams bodies untouched), so the body brings its own.
  signIn(@Body(strictValidationPipe()) command: DevSignInCommand): Promise<SignedIn> {
    if (this.mode.kind !== 'dev') throw ConsoleErrors.devSignInDisabled();
    return this.devSignIn.execute(command);
  }
}
