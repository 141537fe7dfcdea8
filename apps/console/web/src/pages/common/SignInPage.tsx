import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../api/api-error';
import { LanguageSwitch } from '../../app/AppShell';
import { useAuth } from '../../auth/AuthProvider';
import { sessionFromToken, type Role } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

interface Person {
  id: string;
  name: string;
  defaultRole: Role;
  agentId?: string;
  team?: string;
  source: 'attendance' | 'staff';
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, body);
  return body as T;
}

export function SignInPage() {
  const { t } = useI18n();
  const config = useQuery({ queryKey: ['auth-config'], queryFn: () => getJson<{ mode: 'dev' | 'oidc' | 'none'; roles: Role[]; reason?: string }>('/auth/config') });
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 460 }} title={t('signIn.title')} extra={<LanguageSwitch />}>
        {config.error && <ErrorAlert error={config.error} />}
        {config.data?.mode === 'dev' && <DevSignIn roles={config.data.roles} />}
        {config.data?.mode === 'oidc' && (
          <Button type="primary" block href="/auth/oidc/login">
            {t('signIn.oidc')}
          </Button>
        )}
        {config.data?.mode === 'none' && <Alert type="warning" showIcon title={t('signIn.disabled')} description={config.data.reason} />}
      </Card>
    </div>
  );
}

function DevSignIn({ roles }: { roles: Role[] }) {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [personId, setPersonId] = useState<string>();
  const [role, setRole] = useState<Role>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const people = useQuery({ queryKey: ['dev-people'], queryFn: () => getJson<{ people: Person[]; agentsLoaded: boolean }>('/auth/dev/people') });
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await getJson<{ token: string; user: { name: string } }>('/auth/dev/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personId, role }),
      });
      const session = sessionFromToken(r.token, r.user.name);
      if (session) signIn(session);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit}>
      <Typography.Paragraph type="secondary">{t('signIn.devHint')}</Typography.Paragraph>
      {people.data && !people.data.agentsLoaded && <Alert style={{ marginBottom: 16 }} type="info" showIcon title={t('signIn.noAgents')} />}
      <Form.Item label={t('signIn.person')} required>
        <Select
          data-testid="person-select"
          showSearch={{ optionFilterProp: 'label' }}
          loading={people.isLoading}
          value={personId}
          onChange={(id: string) => {
            setPersonId(id);
            setRole(people.data?.people.find((p) => p.id === id)?.defaultRole);
          }}
          options={(people.data?.people ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.id}${p.team ? ` · ${p.team}` : ''})` }))}
        />
      </Form.Item>
      <Form.Item label={t('signIn.role')} required>
        <Select data-testid="role-select" value={role} onChange={setRole} options={roles.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
      </Form.Item>
      <ErrorAlert error={error} />
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" disabled={!personId || !role} loading={busy} data-testid="sign-in">
          {t('action.signIn')}
        </Button>
      </Space>
    </Form>
  );
}
