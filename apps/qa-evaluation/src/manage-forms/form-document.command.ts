import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, ValidateNested } from 'class-validator';
import { FORM_PURPOSES } from '../domain/forms/check-form-definition';
import type { FormDefinition, FormItem, FormSection, FormStatus } from '../domain/forms/form';
import type { FormItemCommand } from './form-item.command';
import { FormSectionCommand } from './form-section.command';
import { IsInstant, IsText } from '@app/platform';

const MAX_SECTIONS = 100;

/**
 * The body of a form version, posted new or replacing a draft. A version read back (GET) may be sent
 * as it is: its `version`, `status` and `publishedAt` are the server's and are ignored here.
 */
export class FormDocumentCommand {
  @ApiProperty({ example: '通话质检表', maxLength: 2000 })
  @IsText()
  titleZh!: string;

  @ApiProperty({ example: 'Call QA form', maxLength: 2000 })
  @IsText()
  titleEn!: string;

  @ApiProperty({ enum: FORM_PURPOSES, description: '`call` forms score calls, `appraisal` forms an agent\'s month', example: 'call' })
  @IsIn(FORM_PURPOSES, { message: 'purpose must be call or appraisal / 只能为 call 或 appraisal' })
  purpose!: FormDefinition['purpose'];

  @ApiProperty({ type: () => [FormSectionCommand], minItems: 1, maxItems: MAX_SECTIONS })
  @IsArray({ message: 'sections must be an array / 须为数组' })
  @ArrayMinSize(1, { message: 'at least one section / 至少一个分区' })
  @ArrayMaxSize(MAX_SECTIONS, { message: `at most ${MAX_SECTIONS} sections / 最多 ${MAX_SECTIONS} 个分区` })
  @ValidateNested({ each: true })
  @Type(() => FormSectionCommand)
  sections!: FormSectionCommand[];

  @ApiPropertyOptional({ description: 'Read-only (the server numbers versions); ignored', example: 1 })
  @IsOptional()
  @IsInt({ message: 'version must be a whole number / 须为整数' })
  version?: number;

  @ApiPropertyOptional({ enum: ['draft', 'published'], description: 'Read-only; ignored' })
  @IsOptional()
  @IsIn(['draft', 'published'], { message: 'status must be draft or published / 只能为 draft 或 published' })
  status?: FormStatus;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, description: 'Read-only; ignored' })
  @IsOptional()
  @IsInstant()
  publishedAt?: string | null;
}

/** The definition stored for a checked body: only its own fields, absent options left out (not stored as null). */
export function formDefinitionOf(command: FormDocumentCommand, formId: string): FormDefinition {
  return { formId, titleZh: command.titleZh, titleEn: command.titleEn, purpose: command.purpose, sections: command.sections.map(sectionOf) };
}

function sectionOf(s: FormSectionCommand): FormSection {
  return { sectionId: s.sectionId, labelZh: s.labelZh, labelEn: s.labelEn, ...(s.weight != null ? { weight: s.weight } : {}), items: s.items.map(itemOf) };
}

function itemOf(i: FormItemCommand): FormItem {
  return {
    itemId: i.itemId, labelZh: i.labelZh, labelEn: i.labelEn, type: i.type, maxPoints: i.maxPoints,
    ...(i.minPoints != null ? { minPoints: i.minPoints } : {}),
    naAllowed: i.naAllowed === true,
    ...(i.critical != null ? { critical: i.critical } : {}),
    ...(i.bands != null ? { bands: { good: { min: i.bands.good.min, max: i.bands.good.max }, poor: { min: i.bands.poor.min, max: i.bands.poor.max } } } : {}),
  };
}
