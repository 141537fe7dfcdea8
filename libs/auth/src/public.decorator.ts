import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';
/** Health, metrics and the OpenAPI document are served without a token (contracts.md). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
