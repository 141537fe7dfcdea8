import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { sessionFromToken } from '../../auth/session';
import { useI18n } from '../../i18n/I18nProvider';

/** The console's OIDC callback hands the issuer's tokens over in the fragment. */
export function OidcCallbackPage() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const params = new URLSearchParams(window.location.hash.slice(1));
    const token = params.get('access_token');
    const session = token ? sessionFromToken(token) : null;
    window.history.replaceState(null, '', '/');
    if (!session) return setFailed(true);
    signIn(session);
    navigate('/', { replace: true });
  }, [signIn, navigate]);
  return failed ? <Alert type="error" title={t('signIn.oidcFailed')} /> : null;
}
