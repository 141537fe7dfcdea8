import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { PageQuery, ParseBoundedIntPipe, type Page } from '@app/platform';
import type { FormVersion } from '../domain/forms/form';
import { ApiPage } from '../paging/page.openapi';
import { CreateFormCommand } from './create-form.command';
import { ManageForms } from './manage-forms';
import { ReplaceFormCommand } from './replace-form.command';

/** A form version number: 1 … PostgreSQL integer (99999999999999999999 is a 400, not a failed query). */
const VERSION = new ParseBoundedIntPipe({ min: 1 });

@ApiTags('forms')
@Controller('v1/forms')
export class ManageFormsController {
  constructor(private readonly forms: ManageForms) {}

  @Get()
  @ApiOperation({ summary: 'Every form version, drafts and published, by form and version' })
  @ApiPage('A form version with its sections and items / 表单版本')
  list(@Query() q: PageQuery): Promise<Page<FormVersion>> {
    return this.forms.list(q);
  }

  @Get(':formId/versions/:version')
  get(@Param('formId') formId: string, @Param('version', VERSION) version: number): Promise<FormVersion> {
    return this.forms.get(formId, version);
  }

  @Post()
  @Roles('qa', 'admin')
  @ApiOperation({ summary: 'A new draft version of a form (version = last + 1)' })
  create(@Body() command: CreateFormCommand, @CurrentUser() user: AuthenticatedUser): Promise<FormVersion> {
    return this.forms.create(command, user.sub);
  }

  @Put(':formId/versions/:version')
  @Roles('qa', 'admin')
  @ApiOperation({ summary: 'Replace a draft; a published version answers 409' })
  replace(@Param('formId') formId: string, @Param('version', VERSION) version: number, @Body() command: ReplaceFormCommand): Promise<FormVersion> {
    return this.forms.replaceDraft(formId, version, command);
  }

  @Post(':formId/versions/:version/publish')
  @HttpCode(200)
  @Roles('qa', 'admin')
  publish(@Param('formId') formId: string, @Param('version', VERSION) version: number): Promise<FormVersion> {
    return this.forms.publish(formId, version);
  }
}
