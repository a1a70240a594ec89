import { useEffect, useRef, useState } from 'react';
import { Avatar, Box, Center, Checkbox, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconInbox } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Page } from '../api/client.ts';
import type { Case } from '../api/types.ts';
import { useFormat } from '../i18n/format.ts';
import { PriorityBadge, SlaBadge, StatusBadge } from '../ui/badges.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { initials } from '../shell/user-menu.tsx';
import { rememberListOrder } from './list-order.ts';

const ROW = 56;

interface Props {
  list: UseInfiniteQueryResult<InfiniteData<Page<Case>>>;
  cases: Case[];
  selected: Set<string>;
  onSelect: (s: Set<string>) => void;
}

/** The case list: only the rows on screen are rendered; the next page loads as you near the end. */
export function CaseList({ list, cases, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtual = useVirtualizer({ count: cases.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10 });
  const items = virtual.getVirtualItems();
  const last = items[items.length - 1];

  useEffect(() => {
    if (last && last.index >= cases.length - 15 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [last, cases.length, list]);
  useEffect(() => rememberListOrder(cases.map((c) => c.number), location.pathname + location.search), [cases, location]);

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const move = (step: number) => {
    const i = Math.max(0, Math.min(cases.length - 1, active + step));
    setActive(i);
    virtual.scrollToIndex(i, { align: 'auto' });
  };
  useHotkeys([
    ['j', () => move(1)],
    ['ArrowDown', () => move(1)],
    ['k', () => move(-1)],
    ['ArrowUp', () => move(-1)],
    ['Enter', () => cases[active] && navigate(`/cases/${cases[active].number}`)],
    ['o', () => cases[active] && navigate(`/cases/${cases[active].number}`)],
    ['x', () => cases[active] && toggle(cases[active].id)],
    ['shift+A', () => onSelect(selected.size === cases.length ? new Set() : new Set(cases.map((c) => c.id)))],
  ]);

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const allSelected = cases.length > 0 && selected.size === cases.length;
  return (
    <Box style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }} component="section" aria-label={t('inbox:listLabel')}>
      <div className="sb-grid sb-list-head">
        <Checkbox
          size="xs"
          aria-label={t('inbox:selectAll')}
          checked={allSelected}
          indeterminate={selected.size > 0 && !allSelected}
          onChange={() => onSelect(allSelected ? new Set() : new Set(cases.map((c) => c.id)))}
          data-testid="select-all"
        />
        <span>#</span>
        <span>{t('inbox:columns.subject')}</span>
        <span>{t('fields.status')}</span>
        <span className="sb-wide">
          {t('fields.priority')}
        </span>
        <span>{t('fields.assignee')}</span>
        <span className="sb-wide">
          {t('fields.team')}
        </span>
        <span>{t('inbox:columns.updated')}</span>
        <span className="sb-wide">
          SLA
        </span>
      </div>
      <div ref={scroller} style={{ flex: 1, overflow: 'auto' }} data-testid="case-list" tabIndex={-1}>
        {list.isPending && (
          <Center p="xl">
            <Loader aria-label={t('loading')} />
          </Center>
        )}
        {!list.isPending && cases.length === 0 && (
          <Stack align="center" p="xl" gap="xs">
            <IconInbox size={40} aria-hidden />
            <Text fw={600}>{t('inbox:emptyTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('inbox:emptyText')}
            </Text>
          </Stack>
        )}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((row) => {
            const c = cases[row.index]!;
            return (
              <div
                key={c.id}
               
                className="sb-grid sb-row"
                data-active={row.index === active}
                data-selected={selected.has(c.id)}
                data-testid="case-row"
                data-number={c.number}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${row.start}px)` }}
                onClick={() => navigate(`/cases/${c.number}`)}
              >
                <Checkbox
                  size="xs"
                  aria-label={t('inbox:selectCase', { number: c.number })}
                  checked={selected.has(c.id)}
                  onClick={(e) => e.stopPropagation()}
                  onChange={() => toggle(c.id)}
                  data-testid="row-checkbox"
                />
                <Text size="sm" c="dimmed">
                  #{c.number}
                </Text>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={c.status === 'new' ? 700 : 500} truncate component={Link} to={`/cases/${c.number}`} c="var(--mantine-color-text)" onClick={(e) => e.stopPropagation()} display="block">
                    {c.subject}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {c.requester.name}
                    {c.organization ? ` · ${c.organization.name}` : ''} · {t(`channel.${c.channel}`)}
                  </Text>
                </div>
                <div>
                  <StatusBadge status={c.status} customName={c.customStatus?.name} />
                </div>
                <div className="sb-wide">
                  <PriorityBadge priority={c.priority} />
                </div>
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  {c.assignee ? (
                    <>
                      <Avatar size={22} radius="xl" color="blue" aria-hidden>
                        {initials(c.assignee.name)}
                      </Avatar>
                      <Text size="sm" truncate>
                        {c.assignee.name}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed" fs="italic">
                      {t('inbox:unassigned')}
                    </Text>
                  )}
                </Group>
                <Text size="sm" truncate className="sb-wide">
                  {c.team?.name ?? '—'}
                </Text>
                <Tooltip label={f.dateTime(c.updatedAt)}>
                  <Text size="sm" c="dimmed">
                    {f.relative(c.updatedAt)}
                  </Text>
                </Tooltip>
                <div className="sb-wide">
                  <SlaBadge sla={c.sla} size="xs" compact />
                </div>
              </div>
            );
          })}
        </div>
        {list.isFetchingNextPage && (
          <Center p="sm">
            <Loader size="sm" aria-label={t('loading')} />
          </Center>
        )}
      </div>
    </Box>
  );
}
