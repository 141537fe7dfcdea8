import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@app/auth';
import type { AsyncApiDocument } from '@app/messaging';
import { ServiceAsyncApi } from './service-asyncapi';

/** `GET /asyncapi.json`: the service's events, as `/docs-json` is its HTTP API. */
@ApiExcludeController()
@Controller('asyncapi.json')
export class AsyncApiController {
  constructor(private readonly asyncApi: ServiceAsyncApi) {}

  @Public()
  @Get()
  document(): AsyncApiDocument {
    return this.asyncApi.document();
  }
}
