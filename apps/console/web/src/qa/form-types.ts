import type { FormVersion as ServedFormVersion } from '@app/contracts/qa/form';

export type { AnswerValue, FormItem, FormSection } from '@app/contracts/qa/form';

/**
 * A form version as the console reads it (GET /v1/forms): qa-evaluation's own declaration, with the fields a page
 * may not need (purpose, status, publication) optional, so a partial fixture or an older answer still reads.
 */
export type FormVersion = Omit<ServedFormVersion, 'purpose' | 'status' | 'publishedAt'> & Partial<Pick<ServedFormVersion, 'purpose' | 'status' | 'publishedAt'>>;
