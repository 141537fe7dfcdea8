import { Alert, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useMediaSession } from '../../api/media-session';
import { recordingUrl } from '../../api/recordings';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorAlert } from '../ErrorAlert';
import type { Player } from './usePlayer';

/**
 * The call's recording from telephony-events through the console: the browser asks for ranges as it plays and
 * seeks (the proxy passes them through), authenticated by the recordings cookie. `hasRecording` false when the
 * call's facts name none, null while they load; undefined when they cannot be read (the player tries).
 */
export function RecordingPlayer({ callId, player, hasRecording }: { callId: string; player: Player; hasRecording?: boolean | null }) {
  const { t } = useI18n();
  const media = useMediaSession();
  const [failed, setFailed] = useState<string | null>(null);
  if (hasRecording === false) return <Typography.Text type="secondary" data-testid="no-recording">{t('review.noRecording')}</Typography.Text>;
  if (media.error) return <ErrorAlert error={media.error} />;
  if (!media.ready || hasRecording === null) return <Spin size="small" />;
  return (
    <>
      <audio
        key={callId}
        data-testid="recording"
        ref={player.audioRef}
        controls
        preload="metadata"
        src={recordingUrl(callId)}
        onTimeUpdate={player.onTimeUpdate}
        onLoadedMetadata={() => setFailed(null)}
        onError={() => setFailed(callId)}
        style={{ width: '100%' }}
      />
      {failed === callId && <Alert type="warning" showIcon data-testid="recording-failed" title={t('review.recordingFailed')} />}
    </>
  );
}
