import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiPage, PageQuery, ParseBoundedIntPipe, type Page } from '@app/platform';
import { CreateFormCommand } from './create-form.command';
import { FormVersionView } from './form-version.view';
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
  @ApiPage('A form version with its sections and items / 表单版本', FormVersionView)
  list(@Query() q: PageQuery): Promise<Page<FormVersionView>> {
    return this.forms.list(q);
  }

  @Get(':formId/versions/:version')
  @ApiOkResponse({ type: FormVersionView })
  get(@Param('formId') formId: string, @Param('version', VERSION) version: number): Promise<FormVersionView> {
    return this.forms.get(formId, version);
  }

  @Post()
  @Roles('qa', 'admin')
  @ApiOperation({ summary: 'A new draft version of a form (version = last + 1)' })
  @ApiCreatedResponse({ type: FormVersionView })
  create(@Body() command: CreateFormCommand, @CurrentUser() user: AuthenticatedUser): Promise<FormVersionView> {
    return this.forms.create(command, user.sub);
  }

  @Put(':formId/versions/:version')
  @Roles('qa', 'admin')
  @ApiOperation({ summary: 'Replace a draft; a published version answers 409' })
  @ApiOkResponse({ type: FormVersionView })
  replace(@Param('formId') formId: string, @Param('version', VERSION) version: number, @Body() command: ReplaceFormCommand): Promise<FormVersionView> {
    return this.forms.replaceDraft(formId, version, command);
  }

  @Post(':formId/versions/:version/publish')
  @HttpCode(200)
  @Roles('qa', 'admin')
  @ApiOkResponse({ type: FormVersionView })
  publish(@Param('formId') formId: string, @Param('version', VERSION) version: number): Promise<FormVersionView> {
    return this.forms.publish(formId, version);
  }
}
