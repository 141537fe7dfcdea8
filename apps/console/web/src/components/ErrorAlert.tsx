import { Alert } from 'antd';
import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/I18nProvider';

/** An API error in the user's language, with its stable code and field problems. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, tm } = useI18n();
  if (!error) return null;
  if (error instanceof ApiError) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="api-error"
        title={tm(error.message)}
        description={
          <>
            <div>
              {t('error.code')}: <code>{error.code}</code>
            </div>
            {error.details.map((d) => (
              <div key={`${d.path}:${d.message}`}>
                <code>{d.path}</code>: {tm(d.message)}
              </div>
            ))}
          </>
        }
      />
    );
  }
  return <Alert type="error" showIcon title={t('error.network')} description={String((error as Error)?.message ?? error)} />;
}
