import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import type { CatalogueItem } from '../domain/conduct/catalogue';
import { ConductCatalogue } from './conduct-catalogue';

@ApiTags('conduct records')
@Controller('v1/conduct-catalogue')
export class ConductCatalogueController {
  constructor(private readonly catalogue: ConductCatalogue) {}

  @Get()
  @ApiOperation({ summary: 'The reward/penalty catalogue: codes, zh-CN/en labels, kind, amount or points' })
  list(): Promise<CatalogueItem[]> {
    return this.catalogue.list();
  }

  @Put(':code')
  @Roles('admin', 'hr')
  @ApiOperation({ summary: 'Change an item\'s amounts, points or labels (a tenant\'s policy choice)' })
  @ApiBody({ schema: { type: 'object' } })
  put(@Param('code') code: string, @Body() body: unknown): Promise<CatalogueItem> {
    return this.catalogue.change(code, body);
  }
}
