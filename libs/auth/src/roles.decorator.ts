import { SetMetadata } from '@nestjs/common';
import type { Role } from '@app/contracts';

export const ROLES_KEY = 'auth:roles';
/** The roles that may call a route; a token needs at least one of them. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
