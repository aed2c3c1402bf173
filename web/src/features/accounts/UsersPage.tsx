import { useEffect, useState, type FormEvent } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Fieldset, Group, Loader, Modal, Paper, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { useAuth, type Role } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDateTime } from '../../app/format';
import { useIsPhone } from '../../app/useIsPhone';
import { OrgPicker, type PickedOrg } from '../orgs/OrgPicker';

interface UserGrant {
  role: Role;
  orgId: number | null;
  orgName: string | null;
}

interface User {
  id: number;
  username: string;
  displayName: string;
  email?: string | null;
  disabled: boolean;
  createdAt: string;
  grants: UserGrant[];
}

const ROLES: Role[] = ['admin', 'office', 'viewer'];

interface GrantDraft {
  key: number;
  role: Role;
  org: PickedOrg | null;
}

let draftKey = 0;
const toDraft = (g: UserGrant): GrantDraft => ({ key: ++draftKey, role: g.role, org: g.orgId ? { id: g.orgId, name: g.orgName ?? `#${g.orgId}` } : null });

function GrantsEditor({ grants, onChange }: { grants: GrantDraft[]; onChange: (g: GrantDraft[]) => void }) {
  const { t } = useTranslation();
  const update = (key: number, change: Partial<GrantDraft>) => onChange(grants.map((g) => (g.key === key ? { ...g, ...change } : g)));
  return (
    <Fieldset legend={t('users.grants')} p="sm">
      <Stack gap="sm">
        {grants.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('users.noGrants')}
          </Text>
        )}
        {grants.map((g, i) => (
          <Group key={g.key} align="flex-end" gap="xs" wrap="wrap">
            <Select
              label={t('users.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              value={g.role}
              onChange={(v) => v && update(g.key, { role: v as Role })}
              allowDeselect={false}
              w={150}
              comboboxProps={{ withinPortal: true }}
            />
            <div style={{ flex: '1 1 220px' }}>
              <OrgPicker label={t('users.grantOrg')} description={i === 0 ? t('users.grantOrgHint') : undefined} value={g.org} onChange={(org) => update(g.key, { org })} />
            </div>
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('users.removeGrant')} onClick={() => onChange(grants.filter((x) => x.key !== g.key))}>
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Group>
        ))}
        <Button variant="light" size="xs" onClick={() => onChange([...grants, { key: ++draftKey, role: 'office', org: null }])} style={{ alignSelf: 'flex-start' }}>
          {t('users.addGrant')}
        </Button>
      </Stack>
    </Fieldset>
  );
}

function UserModal({ opened, onClose, user }: { opened: boolean; onClose: () => void; user: User | null }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [disabled, setDisabled] = useState(false);
  const [grants, setGrants] = useState<GrantDraft[]>([]);

  useEffect(() => {
    if (!opened) return;
    setUsername(user?.username ?? '');
    setDisplayName(user?.displayName ?? '');
    setEmail(user?.email ?? '');
    setPassword('');
    setDisabled(user?.disabled ?? false);
    setGrants(user ? user.grants.map(toDraft) : [{ key: ++draftKey, role: 'office', org: null }]);
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, user]);

  const save = useMutation({
    mutationFn: async () => {
      const g = grants.map((x) => ({ role: x.role, orgId: x.org?.id ?? null }));
      if (user) {
        await api.patch(`/api/users/${user.id}`, { displayName: displayName.trim(), email: email.trim() || null, disabled, grants: g, ...(password ? { password } : {}) });
      } else {
        await api.post('/api/users', { username: username.trim(), displayName: displayName.trim(), email: email.trim() || null, password, grants: g });
      }
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError && Array.isArray(save.error.details) ? (save.error.details as { field?: string; message?: string }[]).find((d) => d.field === field)?.message : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={user ? t('users.editTitle', { name: user.username }) : t('users.createTitle')} size="lg" fullScreen={isPhone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <TextInput
            label={t('users.username')}
            description={user ? undefined : t('users.usernameHint')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            disabled={!!user}
            required
            autoComplete="off"
            error={fieldError('username')}
          />
          <TextInput label={t('users.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} required error={fieldError('displayName')} />
          <TextInput type="email" label={t('users.email')} description={t('users.emailHint')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError('email')} />
          <PasswordInput
            label={user ? t('users.newPassword') : t('users.password')}
            description={t('users.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required={!user}
            autoComplete="new-password"
            error={fieldError('password')}
          />
          {user && <Checkbox label={t('users.disabled')} checked={disabled} onChange={(e) => setDisabled(e.currentTarget.checked)} />}
          <GrantsEditor grants={grants} onChange={setGrants} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!displayName.trim() || (!user && (!username.trim() || !password))}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [opened, modal] = useDisclosure(false);
  const [editing, setEditing] = useState<User | null>(null);
  const q = useQuery({ queryKey: ['users'], queryFn: () => api.get<User[]>('/api/users') });

  const open = (u: User | null) => {
    setEditing(u);
    modal.open();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Button onClick={() => open(null)}>{t('users.create')}</Button>
      </Group>
      {q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={600}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.username')}</Table.Th>
                  <Table.Th>{t('users.displayName')}</Table.Th>
                  <Table.Th>{t('users.grants')}</Table.Th>
                  <Table.Th>{t('users.createdAt')}</Table.Th>
                  <Table.Th>
                    <span className="sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      {u.username}
                      {u.disabled && (
                        <Badge ml="xs" color="gray" variant="filled" size="sm">
                          {t('users.disabledBadge')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{u.displayName}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {u.grants.length === 0 && '—'}
                        {u.grants.map((g, i) => (
                          <Text key={i} size="sm">
                            {t(`role.${g.role}`)} — {g.orgId ? g.orgName : t('users.wholeSystem')}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(u.createdAt)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => open(u)} aria-label={t('users.editAria', { name: u.username })}>
                        {t('common.edit')}
                      </Button>
                      {u.id === me?.user.id && (
                        <Text size="xs" c="dimmed">
                          {t('users.you')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <UserModal opened={opened} onClose={modal.close} user={editing} />
    </Stack>
  );
}
