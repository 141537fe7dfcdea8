import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthProvider';
import { openMediaSession } from './recordings';

/** `ready` once the recordings cookie is set for the current token, so a player never asks without it. */
export function useMediaSession(): { ready: boolean; error: Error | null } {
  const { session } = useAuth();
  const token = session?.token ?? null;
  const q = useQuery({
    // Not a service's key: no write invalidates it; a new token is a new key.
    queryKey: ['console', 'media-session', token],
    queryFn: () => openMediaSession(token as string),
    enabled: token !== null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return { ready: q.data === true, error: q.error };
}
