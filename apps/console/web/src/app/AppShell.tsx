import { Button, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import type { Lang } from '../i18n/translate';
import { navFor } from './nav';

export function AppShell() {
  const { t } = useI18n();
  const { session, role, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const items = navFor(role);
  const groups = [...new Set(items.map((i) => i.group))];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
        <div style={{ padding: 16, fontWeight: 600 }} data-testid="app-title">
          {t('app.title')}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[location.pathname]}
          onClick={(e) => navigate(e.key)}
          items={groups.map((g) => ({
            type: 'group' as const,
            key: g,
            label: t(g),
            children: items.filter((i) => i.group === g).map((i) => ({ key: i.path, label: t(i.label), 'data-testid': `nav-${i.path}` })),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 16, paddingInline: 24 }}>
          <LanguageSwitch />
          <Space>
            <Typography.Text data-testid="current-user">{session?.user.name}</Typography.Text>
            {role && <Tag color="blue">{t(`role.${role}` as MessageKey)}</Tag>}
          </Space>
          <Button onClick={signOut} data-testid="sign-out">
            {t('action.signOut')}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      data-testid="lang-switch"
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
