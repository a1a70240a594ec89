import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del, get } from '../api/client.ts';
import type { BusinessCalendar } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { CalendarModal, weekdays } from '../sla/calendar-modal.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { AdminTable } from './admin-table.tsx';

export const useCalendars = () => useQuery({ queryKey: ['business-hours'], queryFn: () => get<{ items: BusinessCalendar[] }>('/business-hours').then((r) => r.items) });

/** "Mon 08:00–18:00 · Sat 10:00–14:00": the week in one line. */
function useWeekSummary(): (c: BusinessCalendar) => string {
  const { t } = useTranslation('sla');
  return (c) =>
    weekdays
      .map((day) => {
        const hours = c.weekly.filter((w) => w.day === day).map((w) => `${w.start}–${w.end}`);
        return hours.length ? `${t(`weekdayShort.${day}`)} ${hours.join(', ')}` : null;
      })
      .filter(Boolean)
      .join(' · ');
}

/** Admin → Business hours: calendars with a time zone, weekly hours and holidays, and the teams using each. */
export function BusinessHoursTab() {
  const { t } = useTranslation('sla');
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const qc = useQueryClient();
  const calendars = useCalendars();
  const summary = useWeekSummary();
  const [editing, setEditing] = useState<BusinessCalendar | null | undefined>(undefined);
  const remove = useMutation({
    mutationFn: (c: BusinessCalendar) => del(`/business-hours/${c.id}`).then(() => c),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['business-hours'] });
      notifySaved(t('calendars.deleted', { name: c.name }));
    },
    onError: (err) => notifyFailed(err),
  });

  if (calendars.isError) return <ErrorState error={calendars.error} onRetry={() => void calendars.refetch()} />;
  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('calendars.intro')}
        </Text>
        {isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-calendar">
            {t('calendars.new')}
          </Button>
        )}
      </Group>
      <AdminTable columns={[t('calendars.name'), t('calendars.timeZone'), t('calendars.weekly'), t('calendars.holidays'), t('calendars.teams')]} withActions={isAdmin} pending={calendars.isPending} minWidth={800}>
        {calendars.data?.map((c) => (
          <Table.Tr key={c.id} data-testid="calendar-row">
            <Table.Td fw={500}>{c.name}</Table.Td>
            <Table.Td>{c.timeZone}</Table.Td>
            <Table.Td>
              <Text size="sm">{summary(c)}</Text>
            </Table.Td>
            <Table.Td>{c.holidays.length}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {c.teams.map((x) => (
                  <Badge key={x.id} variant="light">
                    {x.name}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            {isAdmin && (
              <Table.Td ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('calendars.edit', { name: c.name })}>
                    <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(c)} aria-label={t('calendars.edit', { name: c.name })} data-testid="calendar-edit">
                      <IconPencil size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('calendars.delete', { name: c.name })}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => window.confirm(t('calendars.confirmDelete', { name: c.name })) && remove.mutate(c)}
                      aria-label={t('calendars.delete', { name: c.name })}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </AdminTable>
      {calendars.data?.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('calendars.none')}
        </Text>
      )}
      {editing !== undefined && <CalendarModal calendar={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
