import { useMemo, useState, type FormEvent } from 'react';
import { ActionIcon, Button, Checkbox, Fieldset, Group, Modal, MultiSelect, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, patch, post } from '../api/client.ts';
import { useTeams } from '../api/hooks.ts';
import type { BusinessCalendar } from '../api/types.ts';
import { ModalActions } from '../ui/modal-actions.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';

type Interval = BusinessCalendar['weekly'][number];
type Holiday = BusinessCalendar['holidays'][number];

/** ISO weekdays, Monday first. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

const fallbackZones = ['UTC', 'Europe/Berlin', 'Europe/Istanbul', 'Europe/London', 'Europe/Tallinn', 'America/New_York'];
function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? fallbackZones;
  return all.includes('UTC') ? all : ['UTC', ...all];
}

const office = (): Interval[] => [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' }));

/** Adds a calendar (calendar = null) or changes one: time zone, hours per weekday, holidays, teams. */
export function CalendarModal({ calendar, onClose }: { calendar: BusinessCalendar | null; onClose: () => void }) {
  const { t } = useTranslation('sla');
  const qc = useQueryClient();
  const teams = useTeams();
  const zones = useMemo(timeZones, []);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(calendar?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [weekly, setWeekly] = useState<Interval[]>(calendar?.weekly ?? office());
  const [holidays, setHolidays] = useState<Holiday[]>(calendar?.holidays ?? []);
  const [teamIds, setTeamIds] = useState<string[]>(calendar?.teams.map((x) => x.id) ?? []);
  const save = useMutation({
    mutationFn: () => {
      const body = { name, timeZone, weekly, holidays, teamIds };
      return calendar ? patch<BusinessCalendar>(`/business-hours/${calendar.id}`, body, { version: calendar.version }) : post<BusinessCalendar>('/business-hours', body, { idempotencyKey });
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['business-hours'] });
      notifySaved(t(calendar ? 'calendars.saved' : 'calendars.created', { name: saved.name }));
      onClose();
    },
    onError: notifyFailed,
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const setHours = (i: number, change: Partial<Interval>) => setWeekly((w) => w.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const setHoliday = (i: number, change: Partial<Holiday>) => setHolidays((h) => h.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const dayName = (day: number) => t(`weekday.${day}`);

  return (
    <Modal opened onClose={onClose} title={calendar ? t('calendars.editTitle', { name: calendar.name }) : t('calendars.newTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group grow align="flex-start">
            <TextInput label={t('calendars.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-testid="calendar-name" data-autofocus />
            <Select label={t('calendars.timeZone')} data={zones} searchable value={timeZone} onChange={(v) => v && setTimeZone(v)} allowDeselect={false} error={fieldError('timeZone')} data-testid="calendar-zone" comboboxProps={{ withinPortal: true }} />
          </Group>
          <Fieldset legend={t('calendars.weekly')}>
            <Stack gap="xs">
              {weekdays.map((day) => {
                const rows = weekly.map((w, i) => ({ w, i })).filter(({ w }) => w.day === day);
                return (
                  <Group key={day} align="center" gap="xs" wrap="nowrap" data-testid={`calendar-day-${day}`}>
                    <Text w={110} size="sm" fw={500}>
                      {dayName(day)}
                    </Text>
                    <Group gap="xs" style={{ flex: 1 }}>
                      {rows.length === 0 && (
                        <Text size="sm" c="dimmed">
                          {t('calendars.closed')}
                        </Text>
                      )}
                      {rows.map(({ w, i }) => (
                        <Group key={i} gap={4} wrap="nowrap">
                          <TextInput type="time" size="xs" aria-label={t('calendars.from', { day: dayName(day) })} value={w.start} onChange={(e) => setHours(i, { start: e.currentTarget.value })} error={fieldError(`weekly.${i}.start`)} />
                          <Text size="xs" aria-hidden>
                            –
                          </Text>
                          <TextInput
                            type="time"
                            size="xs"
                            aria-label={t('calendars.until', { day: dayName(day) })}
                            value={w.end === '24:00' ? '23:59' : w.end}
                            onChange={(e) => setHours(i, { end: e.currentTarget.value === '23:59' ? '24:00' : e.currentTarget.value })}
                            error={fieldError(`weekly.${i}.end`)}
                          />
                          <Tooltip label={t('calendars.removeInterval', { day: dayName(day) })}>
                            <ActionIcon variant="subtle" color="gray" onClick={() => setWeekly((x) => x.filter((_, j) => j !== i))} aria-label={t('calendars.removeInterval', { day: dayName(day) })}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      ))}
                    </Group>
                    <Tooltip label={t('calendars.addInterval', { day: dayName(day) })}>
                      <ActionIcon variant="light" onClick={() => setWeekly((x) => [...x, { day, start: '09:00', end: '17:00' }])} aria-label={t('calendars.addInterval', { day: dayName(day) })} data-testid={`calendar-add-${day}`}>
                        <IconPlus size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                );
              })}
              {fieldError('weekly') && (
                <Text size="sm" c="red">
                  {fieldError('weekly')}
                </Text>
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('calendars.holidays')}>
            <Stack gap="xs">
              {holidays.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('calendars.noHolidays')}
                </Text>
              )}
              {holidays.map((h, i) => (
                <Group key={i} gap="xs" align="center" wrap="nowrap" data-testid="holiday-row">
                  <TextInput type="date" size="xs" aria-label={t('calendars.holidayDate')} value={h.date} onChange={(e) => setHoliday(i, { date: e.currentTarget.value })} error={fieldError(`holidays.${i}.date`)} />
                  <TextInput size="xs" style={{ flex: 1 }} aria-label={t('calendars.holidayName')} placeholder={t('calendars.holidayName')} value={h.name} onChange={(e) => setHoliday(i, { name: e.currentTarget.value })} />
                  <Checkbox size="xs" label={t('calendars.recurring')} checked={h.recurring} onChange={(e) => setHoliday(i, { recurring: e.currentTarget.checked })} />
                  <Tooltip label={t('calendars.removeHoliday', { date: h.date })}>
                    <ActionIcon variant="subtle" color="gray" onClick={() => setHolidays((x) => x.filter((_, j) => j !== i))} aria-label={t('calendars.removeHoliday', { date: h.date })}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ))}
              <Group>
                <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setHolidays((x) => [...x, { date: new Date().toISOString().slice(0, 10), name: '', recurring: false }])} data-testid="holiday-add">
                  {t('calendars.addHoliday')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <MultiSelect
            label={t('calendars.teams')}
            description={t('calendars.teamsHint')}
            data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={teamIds}
            onChange={setTeamIds}
            searchable
            error={fieldError('teamIds')}
            data-testid="calendar-teams"
            comboboxProps={{ withinPortal: true }}
          />
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={calendar ? t('common:actions.save') : t('common:actions.create')} submitTestId="calendar-save" />
        </Stack>
      </form>
    </Modal>
  );
}
