import { Injectable } from '@nestjs/common';
import { pageOf, type Page } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import type { FormDefinition, FormVersion } from '../domain/forms/form';
import type { PageRequest } from './keyset';
import { PgStore } from './pg-store';

/** Form versions are listed by (formId, version); a cursor holds the last one's. */
export const FORM_KEY = ['string', 'int'] as const;

interface Row { form_id: string; version: number; status: 'draft' | 'published'; definition: FormDefinition; published_at: Date | null }
const toVersion = (r: Row): FormVersion => ({ ...r.definition, formId: r.form_id, version: r.version, status: r.status, publishedAt: r.published_at?.toISOString() ?? null });

/** Form versions; a published row is never updated (the SQL only touches drafts). */
export abstract class FormStore {
  /** Every version, drafts and published, by form and version. */
  abstract page(p: PageRequest): Promise<Page<FormVersion>>;
  abstract get(formId: string, version: number): Promise<FormVersion | null>;
  abstract addVersion(form: FormDefinition, createdBy: string): Promise<number>;
  /** Replaces a draft; false when the version is published (or absent). */
  abstract replaceDraft(form: FormDefinition, version: number): Promise<boolean>;
  abstract publish(formId: string, version: number): Promise<FormVersion | null>;
  abstract latestPublished(formId: string): Promise<FormVersion | null>;
}

@Injectable()
export class PgFormStore extends PgStore implements FormStore {
  private readonly published = new Map<string, FormVersion>();

  constructor(scope: TransactionScope) {
    super(scope);
  }

  async page(p: PageRequest): Promise<Page<FormVersion>> {
    const [formId, version] = p.after ?? [null, null];
    const rows = await this.q<Row>(
      `SELECT * FROM qa.form_version WHERE $1::text IS NULL OR (form_id, version) > ($1::text, $2::bigint) ORDER BY form_id, version LIMIT $3`,
      [formId, version, p.limit + 1],
    );
    return pageOf(rows.map(toVersion), p.limit, (f) => [f.formId, f.version]);
  }

  async get(formId: string, version: number): Promise<FormVersion | null> {
    const key = `${formId}@${version}`;
    const known = this.published.get(key);
    if (known) return known;
    const [r] = await this.q<Row>(`SELECT * FROM qa.form_version WHERE form_id = $1 AND version = $2`, [formId, version]);
    const form = r ? toVersion(r) : null;
    // A published version never changes, so every instance may keep it for good.
    if (form?.status === 'published') this.published.set(key, form);
    return form;
  }

  async addVersion(form: FormDefinition, createdBy: string): Promise<number> {
    await this.q(`SELECT pg_advisory_xact_lock(hashtext('qa.form:' || $1))`, [form.formId]);
    const [r] = await this.q<{ version: number }>(
      `INSERT INTO qa.form_version (form_id, version, status, definition, created_by)
       SELECT $1, COALESCE(MAX(version), 0) + 1, 'draft', $2, $3 FROM qa.form_version WHERE form_id = $1 RETURNING version`,
      [form.formId, JSON.stringify(form), createdBy],
    );
    return r.version;
  }

  async replaceDraft(form: FormDefinition, version: number): Promise<boolean> {
    const rows = await this.q(`UPDATE qa.form_version SET definition = $3 WHERE form_id = $1 AND version = $2 AND status = 'draft' RETURNING 1`, [form.formId, version, JSON.stringify(form)]);
    return rows.length > 0;
  }

  async latestPublished(formId: string): Promise<FormVersion | null> {
    const [r] = await this.q<Row>(`SELECT * FROM qa.form_version WHERE form_id = $1 AND status = 'published' ORDER BY version DESC LIMIT 1`, [formId]);
    return r ? toVersion(r) : null;
  }

  async publish(formId: string, version: number): Promise<FormVersion | null> {
    await this.q(`UPDATE qa.form_version SET status = 'published', published_at = now() WHERE form_id = $1 AND version = $2 AND status = 'draft'`, [formId, version]);
    return this.get(formId, version);
  }
}
