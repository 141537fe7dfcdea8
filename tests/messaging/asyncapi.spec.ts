import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScoreEvent } from '@app/contracts';
import { addressMatches, buildAsyncApiDocument, CONTRACT_SCHEMAS, contractSubjects, parkedAlert, SUBJECT_CATALOGUE } from '@app/messaging';
import { deriveContractSchemas } from '@app/messaging/asyncapi/derive-contract-schemas';
import { CONTRACTS_INDEX, PRODUCT_ASYNCAPI_FILE, SCHEMAS_FILE } from '@app/messaging/asyncapi/generate-contract-schemas';
import { renderContractSchemasModule, renderProductAsyncApi } from '@app/messaging/asyncapi/render-generated';
import { catalogueRoots } from '@app/messaging/asyncapi/subject-catalogue';
import { asyncApiShapeProblems } from '../support/asyncapi-shape';
import { schemaProblems } from '../support/json-schema-check';

const REGENERATE = 'node -r @swc-node/register libs/messaging/src/asyncapi/generate-contract-schemas.ts';

/** The AsyncAPI documents: derived from libs/contracts, complete, well-formed, and strict enough to catch a wrong payload. */
describe('AsyncAPI from libs/contracts', () => {
  const derived = deriveContractSchemas(CONTRACTS_INDEX, catalogueRoots());
  const product = JSON.parse(renderProductAsyncApi(derived));

  it(`keeps the generated schemas and docs/asyncapi.json equal to libs/contracts (else run: ${REGENERATE})`, () => {
    expect(readFileSync(SCHEMAS_FILE, 'utf8')).toBe(renderContractSchemasModule(derived));
    expect(readFileSync(PRODUCT_ASYNCAPI_FILE, 'utf8')).toBe(renderProductAsyncApi(derived));
    expect(CONTRACT_SCHEMAS).toEqual(derived);
  });

  it('has a catalogue entry for every subject in SUBJECTS', () => {
    const missing = contractSubjects().filter((s) => !SUBJECT_CATALOGUE.some((e) => addressMatches(s, e.address)));
    expect(missing).toEqual([]);
    expect(Object.values(product.channels).map((c) => (c as { address: string }).address)).toEqual(
      expect.arrayContaining([...contractSubjects(), 'alerts.{kind}', 'deadletter.{service}.{subject}']),
    );
  });

  it('is a well-formed AsyncAPI 3 document', () => {
    expect(asyncApiShapeProblems(product)).toEqual([]);
    expect(product.channels.scoring_score_finalized).toEqual({
      address: 'scoring.score.finalized',
      title: expect.any(String),
      messages: { ScoreEvent: { $ref: '#/components/messages/ScoreEvent' } },
    });
    expect(product.operations.send_scoring_score_finalized).toEqual({
      action: 'send',
      channel: { $ref: '#/channels/scoring_score_finalized' },
      title: 'Publishes scoring.score.finalized',
      messages: [{ $ref: '#/channels/scoring_score_finalized/messages/ScoreEvent' }],
    });
    expect(product.components.messages.DeadletterServiceSubjectMessage.headers.properties).toHaveProperty('Dlq-Error');
  });

  it('derives the payload schemas from the interfaces: required, nullable, enums, nested and documented', () => {
    const score = CONTRACT_SCHEMAS.ScoreEvent;
    expect(score.required).toEqual(expect.arrayContaining(['eventId', 'period', 'agentId', 'revision', 'previousRevision', 'pay', 'finalizedAt']));
    expect(score.required).not.toContain('deductionPoints');
    expect(score.properties!.previousRevision).toEqual({ type: ['number', 'null'] });
    expect(score.properties!.pay.properties!.lines).toEqual({ type: 'array', items: { $ref: '#/components/schemas/PayLine' } });
    expect(score.properties!.pay.properties!.currency).toEqual({ const: 'CNY' });
    expect(CONTRACT_SCHEMAS.CallSummarizedEvent.properties!.rating.enum).toEqual(['excellent', 'good', 'fair', 'poor', null]);
    expect(CONTRACT_SCHEMAS.CallSummarizedEvent.properties!.legs.items).toEqual({ $ref: '#/components/schemas/CallLegSummary' });
    expect(CONTRACT_SCHEMAS.AppraisalSubmittedEvent.properties!.scores).toEqual({ type: 'object', additionalProperties: { type: 'number' }, description: 'Item id → points given.' });
  });

  it('accepts the payloads the contracts describe and rejects a wrong one', () => {
    const score: ScoreEvent = {
      eventId: 'score-2026-10-A1001-r1', schemaVersion: 1, period: '2026-10', agentId: 'A1001', revision: 1, previousRevision: null,
      policyVersion: 'default-1', totalScore: 91.5, grade: 'excellent', levelBefore: 'regular', levelAfter: 'one-star',
      pay: { currency: 'CNY', lines: [{ code: 'BASE', amount: 1100 }, { code: 'APPRAISAL_PAY', amount: 400 }], total: 1500 },
      finalizedAt: '2026-11-10T16:00:00Z',
    };
    const scoreSchema = { $ref: '#/components/schemas/ScoreEvent' };
    expect(schemaProblems(score, scoreSchema, product)).toEqual([]);
    expect(schemaProblems({ ...score, grade: 3, pay: { ...score.pay, currency: 'USD' } }, scoreSchema, product)).toEqual([
      '$.grade: is number, not string|null',
      '$.pay.currency: is "USD", not "CNY"',
    ]);
    const { payload } = parkedAlert({ service: 'scoring', id: 'x', subject: 'scoring.score.finalized', attempts: 5, error: 'too big' }, new Date());
    expect(schemaProblems(payload, { $ref: '#/components/schemas/AlertEvent' }, product)).toEqual([]);
  });

  it('documents one service: its sends, its receives (patterns mapped to channels), and subjects outside the contracts', () => {
    const doc = buildAsyncApiDocument({
      title: 'scoring',
      description: 'd',
      publishes: ['scoring.score.finalized', 'alerts.message.parked'],
      consumes: ['telephony.call.summarized', 'qa.>', 'qa.probe.ping'],
    });
    expect(asyncApiShapeProblems(doc as unknown as Record<string, unknown>)).toEqual([]);
    expect(Object.keys(doc.operations).sort()).toEqual(
      [
        'send_scoring_score_finalized',
        'send_alerts_message_parked',
        'receive_telephony_call_summarized',
        'receive_qa_evaluation_finalized',
        'receive_qa_evaluation_revised',
        'receive_qa_appraisal_submitted',
        'receive_qa_conduct_recorded',
        'receive_qa_conduct_voided',
        'receive_qa_complaint_judged',
        'receive_qa_auto-evaluation_completed',
        'receive_qa_probe_ping',
      ].sort(),
    );
    expect(doc.channels.alerts_message_parked.address).toBe('alerts.message.parked');
    expect(doc.components.messages.QaProbePingMessage.payload).toEqual({ description: 'Not described by libs/contracts' });
    expect(Object.keys(doc.components.schemas).sort()).toEqual(
      ['AlertEvent', 'AppraisalSubmittedEvent', 'AutoAnswer', 'AutoEvaluationCompletedEvent', 'CallLegSummary', 'CallRecording', 'CallSummarizedEvent',
        'ComplaintJudgedEvent', 'ConductRecordedEvent', 'ConductVoidedEvent', 'EvaluationEvent', 'PayLine', 'ScoreEvent'].sort(),
    );
  });

  it.each([
    ['alerts.>', 'alerts.{kind}', true],
    ['alerts.message.parked', 'alerts.{kind}', true],
    ['alerts', 'alerts.{kind}', false],
    ['deadletter.scoring.>', 'deadletter.{service}.{subject}', true],
    ['deadletter.scoring.qa.conduct.recorded', 'deadletter.{service}.{subject}', true],
    ['qa.*', 'qa.conduct.recorded', false],
    ['qa.*.recorded', 'qa.conduct.recorded', true],
    ['qa.conduct.recorded', 'qa.conduct.recorded', true],
    ['qa.conduct', 'qa.conduct.recorded', false],
  ])('addressMatches(%s, %s) = %s', (pattern, address, expected) => {
    expect(addressMatches(pattern, address)).toBe(expected);
  });

  it('resolves paths the same way as the generator', () => {
    expect(PRODUCT_ASYNCAPI_FILE).toBe(join(__dirname, '../../docs/asyncapi.json'));
  });
});
