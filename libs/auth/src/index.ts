export * from './public.decorator';
export * from './roles.decorator';
export * from './authenticated-user';
export * from './jwt-auth.guard';
export * from './auth.module';
export * from './mint-token';
export * from './token-lifetime';
export * from './oidc-verifier';
