import { ApiProperty } from '@nestjs/swagger';
import { FORM_ID } from '../domain/forms/check-form-definition';
import { FormDocumentCommand } from './form-document.command';
import { IsFormId } from './form-item.command';

/** `POST /v1/forms`: a new draft version of the form `formId` (version = last + 1). */
export class CreateFormCommand extends FormDocumentCommand {
  @ApiProperty({ example: 'call-qa', pattern: FORM_ID.source })
  @IsFormId()
  formId!: string;
}
