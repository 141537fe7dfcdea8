import { Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useApiList, useApiQuery } from '../../api/hooks';
import { useAutoEvaluation } from '../../components/call-review/queries';
import { TranscriptPanel } from '../../components/call-review/TranscriptPanel';
import { usePlayer } from '../../components/call-review/usePlayer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { pickLabel } from '../../i18n/translate';
import type { AnswerValue, FormItem } from '../../qa/form-types';
import { formVersionOf } from '../../qa/pick-form';
import { clock, machineAnswers, type Evidence } from '../../qa/transcript';

interface Row {
  item: FormItem;
  given: AnswerValue | undefined;
  machine: AnswerValue | undefined;
  evidence: Evidence[];
}

/**
 * One of my evaluated calls, read-only: the recording and transcript with the machine's hits (as the evaluator saw
 * them), and each item's answer beside the machine's, its evidence playing the recording from where it was said.
 */
export function EvaluationReview({ evaluationId, callId }: { evaluationId: string; callId: string }) {
  const { t, lang } = useI18n();
  const player = usePlayer();
  const evaluation = useApiQuery('qa-evaluation', `/v1/evaluations/${encodeURIComponent(evaluationId)}`);
  const forms = useApiList('qa-evaluation', '/v1/forms', undefined, { all: true });
  const call = useApiQuery('telephony-events', `/v1/calls/${encodeURIComponent(callId)}`, undefined, { retry: false });
  const auto = useAutoEvaluation(callId);
  const e = evaluation.data;
  const form = useMemo(() => (e ? formVersionOf(forms.items, e.formId, e.formVersion) : null), [e, forms.items]);
  const machine = useMemo(() => machineAnswers(auto.data, form), [auto.data, form]);
  const rows: Row[] = useMemo(() => {
    if (!form || !e) return [];
    const given = new Map(e.answers.map((a) => [a.itemId, a.value]));
    const evidence = new Map((auto.data?.items ?? []).map((i) => [i.itemId, i.evidence]));
    return form.sections.flatMap((s) => s.items).map((item) => ({ item, given: given.get(item.itemId), machine: machine[item.itemId], evidence: evidence.get(item.itemId) ?? [] }));
  }, [form, e, machine, auto.data]);
  const answer = (v: AnswerValue | undefined) => (v === true ? t('answer.yes') : v === false ? t('answer.no') : v === 'na' ? t('answer.na') : v === undefined ? '—' : String(v));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="evaluation-review">
      <TranscriptPanel callId={callId} player={player} hasRecording={call.data ? Boolean(call.data.facts.recording) : call.isLoading ? null : undefined} />
      <Card size="small" title={t('review.answers')}>
        <ErrorAlert error={evaluation.error ?? forms.error} />
        <Table<Row>
          size="small"
          rowKey={(r) => r.item.itemId}
          loading={evaluation.isLoading || forms.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('state.empty') }}
          columns={[
            { title: t('field.item'), render: (_, r) => pickLabel(lang, r.item.labelZh, r.item.labelEn) },
            { title: t('review.evaluator'), render: (_, r) => answer(r.given) },
            {
              title: t('review.machine'),
              render: (_, r) =>
                r.machine === undefined ? '—' : (
                  <Space size={4} wrap>
                    <Tag color={r.machine === r.given ? 'blue' : 'orange'} data-testid="machine-answer">{t('qa.auto')}: {answer(r.machine)}</Tag>
                    {r.evidence.slice(0, 3).map((ev) => (
                      <Tooltip key={`${ev.segment}-${ev.startMs}`} title={ev.text}>
                        <Typography.Link style={{ fontSize: 12 }} onClick={() => player.seek(ev.startMs)}>▶ {clock(ev.startMs)}</Typography.Link>
                      </Tooltip>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
        {auto.data === undefined && !auto.isLoading && <Typography.Text type="secondary">{t('review.noAutoEvaluation')}</Typography.Text>}
      </Card>
    </Space>
  );
}
