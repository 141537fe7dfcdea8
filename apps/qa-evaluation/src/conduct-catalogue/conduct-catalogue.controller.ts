import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiPage, PageQuery, type Page } from '@app/platform';
import { CatalogueItemView } from './catalogue-item.view';
import { ConductCatalogue } from './conduct-catalogue';
import { ChangeCatalogueItemCommand } from './conduct-catalogue.command';

@ApiTags('conduct records')
@Controller('v1/conduct-catalogue')
export class ConductCatalogueController {
  constructor(private readonly catalogue: ConductCatalogue) {}

  @Get()
  @ApiOperation({ summary: 'The reward/penalty catalogue by code: zh-CN/en labels, kind, amount or points' })
  @ApiPage('A catalogue item / 奖罚目录项', CatalogueItemView)
  list(@Query() q: PageQuery): Promise<Page<CatalogueItemView>> {
    return this.catalogue.list(q);
  }

  @Put(':code')
  @Roles('admin', 'hr')
  @ApiOperation({ summary: 'Change an item\'s amounts, points or labels (a tenant\'s policy choice)' })
  @ApiOkResponse({ type: CatalogueItemView })
  put(@Param('code') code: string, @Body() command: ChangeCatalogueItemCommand): Promise<CatalogueItemView> {
    return this.catalogue.change(code, command);
  }
}
