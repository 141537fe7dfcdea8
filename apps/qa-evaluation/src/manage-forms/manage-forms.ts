import { Injectable } from '@nestjs/common';
import type { Page, PageQuery } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import { checkFormDefinition } from '../domain/forms/check-form-definition';
import type { FormVersion } from '../domain/forms/form';
import { QaErrors, rejected } from '../qa-evaluation.errors';
import { FORM_KEY, FormStore } from '../store/form.store';
import { pageRequest } from '../store/keyset';
import type { CreateFormCommand } from './create-form.command';
import { formDefinitionOf } from './form-document.command';
import type { ReplaceFormCommand } from './replace-form.command';

/** Drafts are edited freely; publishing freezes a version for good. */
@Injectable()
export class ManageForms {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: FormStore,
  ) {}

  /** Every form version, drafts and published, a page at a time by form and version. */
  list(q: PageQuery): Promise<Page<FormVersion>> {
    return this.store.page(pageRequest(q, FORM_KEY));
  }

  async get(formId: string, version: number): Promise<FormVersion> {
    const form = await this.store.get(formId, version);
    if (!form) throw QaErrors.formVersionNotFound(formId, version);
    return form;
  }

  async create(command: CreateFormCommand, createdBy: string): Promise<FormVersion> {
    const form = formDefinitionOf(command, command.formId);
    const problems = checkFormDefinition(form);
    if (problems.length) throw rejected(problems, 'The form is not valid / 表单无效');
    return this.scope.run(async () => this.get(form.formId, await this.store.addVersion(form, createdBy)));
  }

  async replaceDraft(formId: string, version: number, command: ReplaceFormCommand): Promise<FormVersion> {
    const form = formDefinitionOf(command, formId);
    const problems = checkFormDefinition(form);
    if (problems.length) throw rejected(problems, 'The form is not valid / 表单无效');
    return this.scope.run(async () => {
      const current = await this.get(formId, version);
      if (current.status === 'published' || !(await this.store.replaceDraft(form, version))) throw QaErrors.formPublished(formId, version);
      return this.get(formId, version);
    });
  }

  async publish(formId: string, version: number): Promise<FormVersion> {
    return this.scope.run(async () => {
      await this.get(formId, version);
      return (await this.store.publish(formId, version))!;
    });
  }
}
