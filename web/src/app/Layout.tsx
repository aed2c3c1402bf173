import { AppShell, Box, Burger, Button, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { me, logout, canSomewhere } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();

  const links = [
    { to: '/orgs', label: t('nav.orgs'), show: true },
    { to: '/members', label: t('nav.members'), show: canSomewhere('member.read') },
    { to: '/congress', label: t('nav.menu', { ns: 'congress' }), show: canSomewhere('congress.read') },
    { to: '/resolutions', label: t('nav.resolutions'), show: canSomewhere('resolution.read') },
    { to: '/audit', label: t('nav.audit'), show: canSomewhere('audit.read') },
    { to: '/users', label: t('nav.users'), show: canSomewhere('user.manage') },
  ].filter((l) => l.show);

  const isActive = (to: string) => location.pathname === to || location.pathname.startsWith(to + '/');

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'md' }}>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')} />
            <UnstyledButton component={Link} to="/orgs" aria-label={t('app.home')} miw={0}>
              <Group gap={6} wrap="nowrap">
                <Box component="span" aria-hidden w={22} h={22} style={{ background: 'var(--mantine-color-partyRed-7)', borderRadius: 4, flex: 'none' }}>
                  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                    <path fill="#ffde00" d="M12 4l2.35 7.24h7.6l-6.15 4.47 2.35 7.24L12 18.48l-6.15 4.47 2.35-7.24L2.05 11.24h7.6z" transform="scale(.8) translate(3 0)" />
                  </svg>
                </Box>
                <Text fw={700} size="md" truncate>
                  {t('app.name')}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="subtle" size="compact-sm" aria-label={t('nav.account', { name: me?.user.displayName ?? '' })}>
                  <Text size="sm" truncate maw={{ base: 70, sm: 200 }}>
                    {me?.user.displayName}
                  </Text>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me?.user.username}</Menu.Label>
                <Menu.Item
                  onClick={async () => {
                    await logout();
                    navigate('/login');
                  }}
                >
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {links.map((l) => (
            <NavLink key={l.to} component={Link} to={l.to} label={l.label} active={isActive(l.to)} onClick={close} aria-current={isActive(l.to) ? 'page' : undefined} />
          ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Box maw={1400} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
