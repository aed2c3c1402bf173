// The organisation page's restructuring actions for those who may manage it: found a sub-unit, and under
// "Sắp xếp tổ chức" rename, merge, split, move, the administrative unit and dissolve; then what was recorded.
import { useState, type ComponentType } from 'react';
import { Alert, Anchor, Button, Group, List, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { allowedChildKinds } from '../../../../src/modules/orgs/orgs.rules';
import { MergeForm } from './MergeForm';
import { AdminUnitForm, DissolveForm, FoundForm, MoveForm, RenameForm } from './RestructureForms';
import type { FormProps, Notice } from './RestructureModal';
import { SplitForm } from './SplitForm';
import { RS_NS } from './restructure-i18n';
import type { OrgDetail } from './types';

type FormName = 'found' | 'rename' | 'merge' | 'split' | 'move' | 'adminUnit' | 'dissolve';

const FORMS: Record<FormName, ComponentType<FormProps>> = {
  found: FoundForm,
  rename: RenameForm,
  merge: MergeForm,
  split: SplitForm,
  move: MoveForm,
  adminUnit: AdminUnitForm,
  dissolve: DissolveForm,
};

/** a notice carried to the page of the organisation a merger created */
interface LocationState {
  restructureNotice?: Notice;
}

export function RestructureActions({ org }: { org: OrgDetail }) {
  const { t } = useTranslation(RS_NS);
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState<FormName | null>(null);
  const [notice, setNotice] = useState<Notice | null>(() => (location.state as LocationState | null)?.restructureNotice ?? null);
  const Form = open ? FORMS[open] : null;

  const done = (form: FormName) => (n: Notice) => {
    setOpen(null);
    if (form === 'merge' && n.links?.length) {
      // this organisation closed into a new one: go there, to the merger in its history
      navigate(`/orgs/${n.links[0].id}?tab=history`, { state: { restructureNotice: { text: n.text } } satisfies LocationState });
      return;
    }
    setNotice(n);
  };

  return (
    <>
      {!org.closedOn && (
        <Group gap="xs" wrap="wrap">
          {allowedChildKinds[org.kind].length > 0 && <Button variant="light" onClick={() => setOpen('found')}>{t('actions.found')}</Button>}
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button variant="default" rightSection={<span aria-hidden="true">▾</span>}>
                {t('menu')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setOpen('rename')}>{t('actions.rename')}</Menu.Item>
              <Menu.Item onClick={() => setOpen('merge')}>{t('actions.merge')}</Menu.Item>
              <Menu.Item onClick={() => setOpen('split')}>{t('actions.split')}</Menu.Item>
              <Menu.Item onClick={() => setOpen('move')}>{t('actions.move')}</Menu.Item>
              <Menu.Item onClick={() => setOpen('adminUnit')}>{t('actions.adminUnit')}</Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" onClick={() => setOpen('dissolve')}>
                {t('actions.dissolve')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
      {notice && (
        <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close', { ns: 'translation' })}>
          {notice.text}
          {notice.links && notice.links.length > 0 && (
            <List size="sm" mt={4}>
              {notice.links.map((l) => (
                <List.Item key={l.id}>
                  <Anchor component={Link} to={`/orgs/${l.id}`}>
                    {t('open', { name: l.name })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {Form && <Form org={org} onClose={() => setOpen(null)} onDone={done(open!)} />}
    </>
  );
}
