import { useState } from 'react';
import { Button, Checkbox, Popover, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, post } from '../api/client.ts';
import type { ViewFilters, ViewWithCount } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { errorMessage } from '../ui/error-state.tsx';
import type { ListParams } from './use-case-list.ts';

/** The filters on screen as a view's filters (the view's own filters are not merged in). */
function toFilters(p: ListParams): ViewFilters {
  const f: ViewFilters = {};
  if (p.status) f.statuses = p.status as ViewFilters['statuses'];
  if (p.priority) f.priorities = p.priority as ViewFilters['priorities'];
  if (p.channel) f.channels = p.channel as ViewFilters['channels'];
  if (p.teamId) f.teamIds = p.teamId;
  if (p.assignee) f.assignee = p.assignee;
  if (p.tag) f.tags = p.tag;
  return f;
}

/** Saves the current filters as a personal (or, for supervisors and admins, shared) view. */
export function SaveViewButton({ params }: { params: ListParams }) {
  const { t } = useTranslation('inbox');
  const { user } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const save = useMutation({
    mutationFn: () => post<ViewWithCount>('/views', { name, filters: toFilters(params), shared, ...(params.sort ? { sort: params.sort } : {}) }),
    onSuccess: (view) => {
      void qc.invalidateQueries({ queryKey: ['views'] });
      setOpened(false);
      setName('');
      notifications.show({ color: 'green', message: t('saveView.done', { name: view.name }) });
      navigate(`/inbox/${view.id}`);
    },
    onError: (err) => notifications.show({ color: 'red', title: t('saveView.failed'), message: errorMessage(err) }),
  });
  return (
    <Popover opened={opened} onChange={setOpened} withinPortal trapFocus position="bottom-end">
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconDeviceFloppy size={14} />} onClick={() => setOpened((o) => !o)} data-testid="save-view">
          {t('saveView.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) save.mutate();
          }}
        >
          <Stack gap="xs" w={260}>
            <TextInput
              size="xs"
              label={t('saveView.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={save.error instanceof ApiError ? save.error.fieldError('name') : undefined}
              data-testid="save-view-name"
              data-autofocus
            />
            {user.role !== 'agent' && <Checkbox size="xs" label={t('saveView.shared')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />}
            <Button size="xs" type="submit" disabled={!name.trim()} loading={save.isPending} data-testid="save-view-submit">
              {t('saveView.submit')}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
