import { Alert, Button, Card, Col, Descriptions, Divider, Empty, Form, Input, InputNumber, Progress, Radio, Result, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import type { ResponseOf } from '../../api/client';
import { useApiList, useApiMutation, useApiQuery } from '../../api/hooks';
import { useAutoEvaluation } from '../../components/call-review/queries';
import { TranscriptPanel } from '../../components/call-review/TranscriptPanel';
import { usePlayer } from '../../components/call-review/usePlayer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDuration, formatScore } from '../../format/format';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';
import { pickLabel } from '../../i18n/translate';
import type { AnswerValue, FormItem, FormSection } from '../../qa/form-types';
import { answersForSubmit, liveScore } from '../../qa/live-score';
import { pickForm } from '../../qa/pick-form';
import { clock, machineAnswers, originOf, prefilled, type Evidence } from '../../qa/transcript';

type Submitted = ResponseOf<'qa-evaluation', 'post', '/v1/evaluations'>;

/**
 * Scoring a call on its form, the call's facts, recording and transcript beside it (the machine's hits marked,
 * a line plays the recording from there), the score changing as answers change. The machine's answers fill the
 * form, each marked "auto / 机器"; the evaluator's own answer replaces any of them.
 */
export function ScoreCallPage() {
  const { t, lang, tm } = useI18n();
  const [search] = useSearchParams();
  const [callId, setCallId] = useState(search.get('callId') ?? '');
  const [agentId, setAgentId] = useState(search.get('agentId') ?? '');
  const [loadedCall, setLoadedCall] = useState(search.get('callId') ?? '');
  const [answers, setAnswers] = useState<Record<string, AnswerValue | undefined>>({});
  const [comment, setComment] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const forms = useApiList('qa-evaluation', '/v1/forms', undefined, { all: true });
  const form = useMemo(() => (forms.first ? pickForm(forms.items, 'call-qa') : null), [forms.first, forms.items]);
  const call = useApiQuery('telephony-events', loadedCall ? `/v1/calls/${encodeURIComponent(loadedCall)}` : null);
  const auto = useAutoEvaluation(loadedCall || null);
  const player = usePlayer();
  // The machine's evaluation of the call on screen only (not of one loaded before the call id was edited).
  const machineOf = auto.data && auto.data.callId === loadedCall && callId.trim() === loadedCall ? auto.data : null;
  // The machine's answers sit under the evaluator's own: `answers` holds only what the evaluator chose.
  const machine = useMemo(() => machineAnswers(machineOf, form), [machineOf, form]);
  const shown = useMemo(() => prefilled(answers, machine), [answers, machine]);
  const evidence = useMemo(() => new Map((machineOf?.items ?? []).map((i) => [i.itemId, i.evidence])), [machineOf]);
  const agent = agentId || (machineOf?.agentId ?? '');
  const submit = useApiMutation<object, Submitted>('qa-evaluation', () => '/v1/evaluations');
  const release = useApiMutation<{ _id: string }>('qa-evaluation', (b) => `/v1/evaluations/${encodeURIComponent(b._id)}/release`);
  const live = form ? liveScore(form, shown) : null;
  const leg = call.data?.facts.legs.find((l) => l.agentId === agent) ?? call.data?.facts.legs.find((l) => l.answeredAt) ?? null;

  const send = () => {
    const problems: Record<string, string> = {};
    if (!callId.trim()) problems.callId = t('validation.required');
    if (!agent.trim()) problems.agentId = t('validation.required');
    if (live && live.unanswered.length) problems.answers = t('qa.unanswered', { n: live.unanswered.length });
    setFieldErrors(problems);
    if (Object.keys(problems).length || !form) return;
    submit.mutate(
      { callId: callId.trim(), agentId: agent.trim(), formId: form.formId, formVersion: form.version, answers: answersForSubmit(form, shown), ...(comment ? { comment } : {}) },
      { onError: (e) => e instanceof ApiError && setFieldErrors(e.fieldErrors()) },
    );
  };

  if (submit.data) {
    return (
      <Result
        status="success"
        title={t('qa.submitted')}
        subTitle={<span data-testid="server-score">{t('qa.serverScore', { score: formatScore(submit.data.score), max: formatScore(submit.data.maxScore), percent: formatScore(submit.data.percent) })}</span>}
        extra={
          <Space orientation="vertical">
            <Space>
              <Button type="primary" data-testid="release-evaluation" disabled={release.isSuccess} loading={release.isPending} onClick={() => release.mutate({ _id: submit.data!.evaluationId })}>
                {release.isSuccess ? t('qa.released') : t('action.release')}
              </Button>
              <Button onClick={() => { submit.reset(); release.reset(); setAnswers({}); }}>{t('qa.scoreAnother')}</Button>
            </Space>
            <ErrorAlert error={release.error} />
          </Space>
        }
      />
    );
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('page.scoreCall')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('qa.theCall')}>
            <Form layout="vertical">
              <Form.Item label={t('field.callId')} required validateStatus={fieldErrors.callId ? 'error' : undefined} help={fieldErrors.callId && tm(fieldErrors.callId)}>
                <Input.Search data-testid="call-id" value={callId} onChange={(e) => setCallId(e.target.value)} onSearch={(v) => setLoadedCall(v.trim())} enterButton={t('action.load')} />
              </Form.Item>
              <Form.Item label={t('field.agentId')} required validateStatus={fieldErrors.agentId ? 'error' : undefined} help={fieldErrors.agentId && tm(fieldErrors.agentId)}>
                <Input data-testid="agent-id" value={agent} onChange={(e) => setAgentId(e.target.value)} />
              </Form.Item>
            </Form>
            {call.error && <ErrorAlert error={call.error} />}
            {call.data && (
              <Descriptions size="small" column={1} data-testid="call-facts" items={[
                { key: 'q', label: t('call.queue'), children: call.data.facts.queue ?? '—' },
                { key: 'w', label: t('call.wait'), children: formatDuration(call.data.facts.waitMs) },
                { key: 'r', label: t('call.ring'), children: formatDuration(leg?.ringMs) },
                { key: 't', label: t('call.talk'), children: formatDuration(leg?.talkMs) },
                { key: 'h', label: t('call.hold'), children: leg ? `${formatDuration(leg.holdMs)} (${leg.holdCount}×)` : '—' },
                { key: 'rt', label: t('call.rating'), children: codeLabel(lang, 'rating', leg?.rating ?? call.data.facts.rating ?? undefined) },
                { key: 'm', label: 'MOS', children: leg?.mos ?? call.data.facts.mos ?? '—' },
              ]} />
            )}
          </Card>
          {loadedCall && (
            <div style={{ marginTop: 16 }}>
              <TranscriptPanel callId={loadedCall} player={player} hasRecording={call.data ? Boolean(call.data.facts.recording) : call.isLoading ? null : undefined} />
            </div>
          )}
        </Col>
        <Col xs={24} xl={9}>
          {forms.error && <ErrorAlert error={forms.error} />}
          {forms.first && !form && <Empty description={t('qa.noForm')} />}
          {form && (
            <Card size="small" title={`${pickLabel(lang, form.titleZh, form.titleEn)} v${form.version}`}>
              {Object.keys(machine).length > 0 && (
                <Alert type="info" showIcon data-testid="prefilled" title={t('qa.prefilled', { n: Object.keys(machine).length })} />
              )}
              {form.sections.map((s) => (
                <div key={s.sectionId}>
                  <Divider titlePlacement="start">
                    {pickLabel(lang, s.labelZh, s.labelEn)} {s.weight !== undefined && <Tag>{t('qa.weight', { w: s.weight })}</Tag>}
                  </Divider>
                  {s.items.map((item) => (
                    <AnswerRow key={item.itemId} item={item} value={shown[item.itemId]} error={fieldErrors[`answers.${item.itemId}`]} onChange={(v) => setAnswers((a) => ({ ...a, [item.itemId]: v }))}
                      origin={originOf(item.itemId, shown, machine)} machine={machine[item.itemId]} evidence={evidence.get(item.itemId)} onSeek={player.seek} />
                  ))}
                </div>
              ))}
              <Divider />
              <Input.TextArea placeholder={t('field.comment')} value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={5}>
          {live && (
            <Card size="small" title={t('qa.liveScore')} style={{ position: 'sticky', top: 16 }}>
              <Statistic value={formatScore(live.score)} suffix={`/ ${formatScore(live.maxScore)}`} data-testid="live-score" />
              <Progress percent={live.percent} status={live.criticalFail ? 'exception' : 'normal'} />
              {live.criticalFail && <Alert type="error" showIcon title={t('qa.criticalFail')} data-testid="critical-fail" />}
              {live.sections.map((s) => {
                const sec = form?.sections.find((x) => x.sectionId === s.sectionId);
                return (
                  <div key={s.sectionId} style={{ display: 'flex', justifyContent: 'space-between' }}>
                    <span>{pickLabel(lang, sec?.labelZh, sec?.labelEn)}</span>
                    <span>{s.excluded ? (gatesPassed(sec, shown) ? t('qa.passed') : t('qa.na')) : `${formatScore(s.score)} / ${formatScore(s.maxScore)}`}</span>
                  </div>
                );
              })}
              {fieldErrors.answers && <Alert style={{ marginTop: 8 }} type="warning" title={fieldErrors.answers} />}
              <ErrorAlert error={submit.error} />
              <Button type="primary" block style={{ marginTop: 12 }} loading={submit.isPending} onClick={send} data-testid="submit-evaluation">
                {t('action.submit')}
              </Button>
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  );
}

/** A section of critical gates only (no points) is passed, not "N/A", once every gate is answered yes. */
function gatesPassed(section: FormSection | undefined, answers: Record<string, AnswerValue | undefined>): boolean {
  return Boolean(section?.items.length) && section!.items.every((i) => i.critical && answers[i.itemId] === true);
}

function AnswerRow({ item, value, error, onChange, origin, machine, evidence, onSeek }: {
  item: FormItem;
  value: AnswerValue | undefined;
  error?: string;
  onChange(v: AnswerValue): void;
  /** The machine's answer as given ("auto / 机器"), or changed by the evaluator. */
  origin?: 'auto' | 'overridden' | null;
  machine?: AnswerValue;
  evidence?: Evidence[];
  onSeek?(ms: number): void;
}) {
  const { t, lang, tm } = useI18n();
  const answerLabel = (v: AnswerValue | undefined) => (v === true ? t('answer.yes') : v === false ? t('answer.no') : v === 'na' ? t('answer.na') : String(v ?? '—'));
  const min = item.minPoints ?? 0;
  const small = item.type !== 'yesno' && item.maxPoints - min <= 10;
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '4px 0' }} data-testid={`item-${item.itemId}`}>
      <span>
        {pickLabel(lang, item.labelZh, item.labelEn)} {item.critical && <Tag color="red">{t('qa.critical')}</Tag>}
        {item.type !== 'yesno' && <Typography.Text type="secondary"> ({t('qa.maxPoints', { n: item.maxPoints })})</Typography.Text>}
        {origin === 'auto' && <Tag color="blue" data-testid="auto-tag" style={{ marginInlineStart: 4 }}>{t('qa.auto')}</Tag>}
        {origin === 'overridden' && (
          <Tooltip title={t('qa.machineSaid', { answer: answerLabel(machine) })}>
            <Tag color="orange" data-testid="overridden-tag" style={{ marginInlineStart: 4, cursor: 'pointer' }} onClick={() => machine !== undefined && onChange(machine)}>{t('qa.overridden')}</Tag>
          </Tooltip>
        )}
        {origin && evidence?.slice(0, 3).map((e) => (
          <Tooltip key={`${e.segment}-${e.startMs}`} title={e.text}>
            <Typography.Link style={{ fontSize: 12, marginInlineStart: 4 }} data-testid="evidence-link" onClick={() => onSeek?.(e.startMs)}>▶ {clock(e.startMs)}</Typography.Link>
          </Tooltip>
        ))}
        {error && <div style={{ color: '#ff4d4f' }}>{tm(error)}</div>}
      </span>
      {item.type === 'yesno' || small ? (
        <Radio.Group size="small" optionType="button" value={value} onChange={(e) => onChange(e.target.value as AnswerValue)}
          options={[
            ...(item.type === 'yesno'
              ? [{ value: true, label: t('answer.yes') }, { value: false, label: t('answer.no') }]
              : Array.from({ length: item.maxPoints - min + 1 }, (_, i) => ({ value: min + i, label: String(min + i) }))),
            ...(item.naAllowed ? [{ value: 'na', label: t('answer.na') }] : []),
          ]} />
      ) : (
        <Space>
          <InputNumber size="small" min={min} max={item.maxPoints} value={typeof value === 'number' ? value : null} onChange={(v) => v !== null && onChange(v)} />
          {item.naAllowed && <Button size="small" type={value === 'na' ? 'primary' : 'default'} onClick={() => onChange('na')}>{t('answer.na')}</Button>}
        </Space>
      )}
    </div>
  );
}
