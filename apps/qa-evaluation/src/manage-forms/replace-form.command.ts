import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { FormDocumentCommand } from './form-document.command';

/** `PUT /v1/forms/{formId}/versions/{version}`: the draft's new content; the form is the path's. */
export class ReplaceFormCommand extends FormDocumentCommand {
  @ApiPropertyOptional({ description: 'Ignored: the path names the form (lets a version read back be sent as it is)', example: 'call-qa' })
  @IsOptional()
  @IsString({ message: 'formId must be a string / 须为字符串' })
  formId?: string;
}
