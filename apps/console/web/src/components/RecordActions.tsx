import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useApiMutation } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';

/** The agent's two answers to a reward/penalty record: sign it (签收) or appeal it with a reason. */
export function RecordActions({ recordId, signed, onDone, appealOnly }: { recordId: string; signed?: boolean; onDone?(): void; appealOnly?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [appealing, setAppealing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const sign = useApiMutation<{ _id: string }>('qa-evaluation', (b) => `/v1/conduct-records/${encodeURIComponent(b._id)}/acknowledge`);
  const appeal = useApiMutation<{ _id: string; reason: string }>('qa-evaluation', (b) => `/v1/conduct-records/${encodeURIComponent(b._id)}/appeal`);
  return (
    <Space orientation="vertical">
      <Space>
        {!appealOnly && <Button size="small" type="primary" disabled={signed || sign.isSuccess} loading={sign.isPending} data-testid={`sign-${recordId}`}
          onClick={() => sign.mutate({ _id: recordId }, { onSuccess: () => { message.success(t('records.signed')); onDone?.(); } })}>
          {signed || sign.isSuccess ? t('records.signedLabel') : t('action.sign')}
        </Button>}
        <Button size="small" disabled={appeal.isSuccess} onClick={() => setAppealing(true)}>
          {t('action.appeal')}
        </Button>
      </Space>
      <ErrorAlert error={sign.error} />
      <Modal open={appealing} title={t('records.appealTitle')} okText={t('action.submit')} cancelText={t('action.cancel')} confirmLoading={appeal.isPending}
        onCancel={() => setAppealing(false)}
        onOk={() => {
          if (!reason.trim()) return setReasonError(true);
          appeal.mutate({ _id: recordId, reason: reason.trim() }, { onSuccess: () => { setAppealing(false); message.success(t('records.appealed')); onDone?.(); } });
        }}>
        <Input.TextArea rows={3} value={reason} status={reasonError ? 'error' : undefined} placeholder={t('field.reason')} onChange={(e) => { setReason(e.target.value); setReasonError(false); }} />
        {reasonError && <div style={{ color: '#ff4d4f' }}>{t('validation.required')}</div>}
        <ErrorAlert error={appeal.error} />
      </Modal>
    </Space>
  );
}
