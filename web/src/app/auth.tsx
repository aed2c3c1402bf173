import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './api';

import { roleActions, type Action, type Role } from '../../../src/modules/accounts/accounts.roles';

export type { Action, Role };

export interface Me {
  user: { id: number; username: string; displayName: string };
  grants: { role: Role; orgId: number | null }[];
  csrfToken: string;
}

interface AuthValue {
  me: Me | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** may the user do `action` on the whole system (orgPathIds omitted) or on the organisation whose path holds these ids */
  can: (action: Action, orgPathIds?: readonly number[]) => boolean;
  /** may the user do `action` anywhere */
  canSomewhere: (action: Action) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export const meKey = ['auth', 'me'] as const;

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const meQuery = useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        const me = await api.get<Me>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
  const loginMutation = useMutation({
    mutationFn: (v: { username: string; password: string }) => api.post<{ csrfToken: string }>('/api/auth/login', v),
  });

  const value = useMemo<AuthValue>(() => {
    const me = meQuery.data ?? null;
    const grants = me?.grants ?? [];
    return {
      me,
      loading: meQuery.isPending,
      login: async (username, password) => {
        const r = await loginMutation.mutateAsync({ username, password });
        setCsrfToken(r.csrfToken);
        client.clear();
        await client.fetchQuery({ queryKey: meKey, queryFn: () => api.get<Me>('/api/auth/me').then((m) => (setCsrfToken(m.csrfToken), m)) });
      },
      logout: async () => {
        try {
          await api.post('/api/auth/logout');
        } finally {
          setCsrfToken(null);
          client.clear();
          client.setQueryData(meKey, null);
        }
      },
      can: (action, orgPathIds) =>
        grants.some((g) => roleActions[g.role].includes(action) && (g.orgId === null || (orgPathIds !== undefined && orgPathIds.includes(g.orgId)))),
      canSomewhere: (action) => grants.some((g) => roleActions[g.role].includes(action)),
    };
  }, [meQuery.data, meQuery.isPending, loginMutation, client]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
