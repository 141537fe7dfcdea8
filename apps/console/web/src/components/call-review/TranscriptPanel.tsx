import { Alert, Card, Empty, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, type CSSProperties, type KeyboardEvent } from 'react';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';
import { clock, hitSummary, lineAt, scriptMisses, toneOf, transcriptLines, type AutoEvaluation, type Evidence, type TextPart, type Tone, type TranscriptLine } from '../../qa/transcript';
import { ErrorAlert } from '../ErrorAlert';
import { statusOf, useAutoEvaluation, useTranscript } from './queries';
import { RecordingPlayer } from './RecordingPlayer';
import type { Player } from './usePlayer';

/** Colours by tone: a forbidden phrase red, a complaint risk orange, a script phrase found green, anything else blue. */
export const TONE_COLOR: Record<Tone, { tag: string; text: string; background: string }> = {
  forbidden: { tag: 'red', text: '#cf1322', background: '#fff1f0' },
  risk: { tag: 'orange', text: '#d46b08', background: '#fff7e6' },
  script: { tag: 'green', text: '#389e0d', background: '#f6ffed' },
  other: { tag: 'blue', text: '#0958d9', background: '#e6f4ff' },
};

/**
 * A call's recording and transcript: two lanes (agent, customer), each line with its time and the machine's hits
 * marked; clicking a line plays the recording from there. Before a transcript has come it says so; a reader the
 * transcript is not open to sees the lines the machine quoted as evidence.
 */
export function TranscriptPanel({ callId, player, hasRecording }: { callId: string; player: Player; hasRecording?: boolean | null }) {
  const { t } = useI18n();
  const transcript = useTranscript(callId);
  const auto = useAutoEvaluation(callId);
  const lines = useMemo(() => transcriptLines(transcript.data?.segments ?? [], auto.data?.hits ?? []), [transcript.data, auto.data]);
  const playing = player.atMs === null ? null : lineAt(lines, player.atMs);
  const missing = statusOf(transcript.error);
  const checking = transcript.data && statusOf(auto.error) === 404;
  return (
    <Card size="small" title={t('review.transcript')} data-testid="transcript-panel"
      extra={<Space size={4}>
        {checking && <Tag data-testid="transcript-checking">{t('review.checking')}</Tag>}
        {transcript.data?.state === 'failed' && <Tag color="red">{t('review.checkFailed')}</Tag>}
        {auto.data?.flagged && <Tag color="volcano" data-testid="auto-flagged">{t('review.flagged')}</Tag>}
      </Space>}>
      <div style={{ marginBottom: 12 }}><RecordingPlayer callId={callId} player={player} hasRecording={hasRecording} /></div>
      {auto.data && <HitSummary auto={auto.data} />}
      {transcript.isLoading && <Skeleton active />}
      {missing === 404 && <Empty data-testid="no-transcript" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noTranscript')} />}
      {missing === 403 && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 8 }} data-testid="transcript-not-open" title={t('review.transcriptNotOpen')} />
          {auto.data && <EvidenceLines auto={auto.data} player={player} />}
        </>
      )}
      {transcript.error && missing !== 404 && missing !== 403 && <ErrorAlert error={transcript.error} />}
      {auto.error && statusOf(auto.error) !== 404 && statusOf(auto.error) !== 403 && <ErrorAlert error={auto.error} />}
      {transcript.data && (
        <div data-testid="transcript" style={{ maxHeight: 560, overflowY: 'auto' }}>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, position: 'sticky', top: 0, background: '#fff', zIndex: 1, paddingBottom: 4 }}>
            <Typography.Text strong>{t('review.laneAgent')}</Typography.Text>
            <Typography.Text strong>{t('review.laneCustomer')}</Typography.Text>
          </div>
          {lines.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.emptyTranscript')} />}
          {lines.map((l) => <Line key={l.index} line={l} playing={playing === l.index} onSeek={player.seek} />)}
          {(transcript.data.rejectedCount ?? 0) > 0 && <Typography.Text type="secondary">{t('review.rejected', { n: transcript.data.rejectedCount ?? 0 })}</Typography.Text>}
        </div>
      )}
    </Card>
  );
}

const seekOnKey = (ms: number, seek: (ms: number) => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    seek(ms);
  }
};

function Line({ line, playing, onSeek }: { line: TranscriptLine; playing: boolean; onSeek(ms: number): void }) {
  const { t, lang } = useI18n();
  const tone = line.tone ? TONE_COLOR[line.tone] : null;
  const box: CSSProperties = {
    gridColumn: line.speaker === 'agent' ? 1 : 2,
    padding: '4px 8px',
    borderRadius: 6,
    cursor: 'pointer',
    borderLeft: `3px solid ${tone ? tone.text : 'transparent'}`,
    background: playing ? '#fffbe6' : tone ? tone.background : '#fafafa',
    outline: playing ? '1px solid #faad14' : undefined,
  };
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginBottom: 6 }}>
      <div role="button" tabIndex={0} style={box} data-testid={`line-${line.index}`} data-speaker={line.speaker} data-tone={line.tone ?? ''} data-playing={playing || undefined}
        title={t('review.playFrom', { at: clock(line.startMs) })} onClick={() => onSeek(line.startMs)} onKeyDown={seekOnKey(line.startMs, onSeek)}>
        <Space size={4} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="line-time">{clock(line.startMs)}</Typography.Text>
          {line.hits.map((h, i) => (
            <Tooltip key={`${h.check}-${i}`} title={`${h.check}${h.phrase ? ` · ${h.phrase}` : ''}`}>
              <Tag color={TONE_COLOR[toneOf(h.kind)].tag} style={{ marginInlineEnd: 0 }} data-testid="line-hit">{codeLabel(lang, 'signal', h.kind)}</Tag>
            </Tooltip>
          ))}
          {line.confidence !== undefined && line.confidence < 0.6 && <Tag>{t('review.lowConfidence')}</Tag>}
        </Space>
        <div><Parts parts={line.parts} /></div>
      </div>
    </div>
  );
}

function Parts({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.tone ? <mark key={i} data-tone={p.tone} style={{ background: 'transparent', color: TONE_COLOR[p.tone].text, fontWeight: 600, padding: 0, textDecoration: 'underline' }}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

/** What the machine found, by kind (most serious first), and the scripts never said (they have no line to mark). */
function HitSummary({ auto }: { auto: AutoEvaluation }) {
  const { t, lang } = useI18n();
  const counts = hitSummary(auto);
  const misses = scriptMisses(auto.outcomes);
  if (!counts.length && !misses.length) return <Typography.Paragraph type="secondary" data-testid="no-hits">{t('review.noHits')}</Typography.Paragraph>;
  return (
    <Space wrap size={4} style={{ marginBottom: 8 }} data-testid="hit-summary">
      {counts.map((c) => <Tag key={c.kind} color={TONE_COLOR[c.tone].tag}>{codeLabel(lang, 'signal', c.kind)} × {c.count}</Tag>)}
      {misses.map((m) => <Tag key={m.check} color="red" data-testid="script-miss">{t('review.scriptMissed', { check: codeLabel(lang, 'check', m.check) })}</Tag>)}
    </Space>
  );
}

/** The lines the machine quoted as evidence, in time order: what a reader without the transcript can still check. */
function EvidenceLines({ auto, player }: { auto: AutoEvaluation; player: Player }) {
  const quoted = new Map<number, Evidence>();
  for (const item of auto.items) for (const e of item.evidence) quoted.set(e.segment, e);
  const tones = new Map<number, Tone>();
  for (const h of auto.hits) if (!tones.has(h.segment)) tones.set(h.segment, toneOf(h.kind));
  const lines = [...quoted.values()].sort((a, b) => a.startMs - b.startMs);
  return (
    <div data-testid="evidence-lines">
      {lines.map((e) => {
        const tone = tones.get(e.segment);
        return (
          <div key={e.segment} role="button" tabIndex={0} onClick={() => player.seek(e.startMs)} onKeyDown={seekOnKey(e.startMs, player.seek)}
            style={{ cursor: 'pointer', padding: '4px 8px', marginBottom: 4, borderRadius: 6, background: tone ? TONE_COLOR[tone].background : '#fafafa' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 8 }}>{clock(e.startMs)}</Typography.Text>
            {e.text}
          </div>
        );
      })}
    </div>
  );
}
