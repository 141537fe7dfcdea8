import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/client';
import { closeMediaSession } from '../api/recordings';
import { restoreSession, SESSION_STORAGE_KEY, type Role, type Session } from './session';

interface Auth {
  session: Session | null;
  /** The role the console shows pages for (the first of the token's roles). */
  role: Role | null;
  signIn(session: Session): void;
  signOut(): void;
  api: ApiClient;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => restoreSession(localStorage.getItem(SESSION_STORAGE_KEY), Date.now()));
  const signIn = useCallback((s: Session) => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(s));
    setSession(s);
  }, []);
  const signOut = useCallback(() => {
    localStorage.removeItem(SESSION_STORAGE_KEY);
    closeMediaSession();
    setSession(null);
  }, []);
  const api = useMemo(() => createApiClient(() => session?.token ?? null, signOut), [session, signOut]);
  const value = useMemo<Auth>(() => ({ session, role: session?.user.roles[0] ?? null, signIn, signOut, api }), [session, signIn, signOut, api]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
