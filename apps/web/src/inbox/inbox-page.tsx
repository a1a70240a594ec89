import { useMemo, useState } from 'react';
import { Group, Title, Text, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useViews } from '../api/hooks.ts';
import { useFormat } from '../i18n/format.ts';
import { BulkBar } from './bulk-bar.tsx';
import { CaseList } from './case-list.tsx';
import { InboxFilters } from './inbox-filters.tsx';
import { useCaseList, type ListParams } from './use-case-list.ts';

const listKeys = ['status', 'priority', 'channel', 'teamId', 'tag'] as const;

/** A view's cases with filters, sorting, multi-select and bulk actions. Filters live in the URL. */
export function InboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { viewId = 'mine' } = useParams();
  const [search, setSearch] = useSearchParams();
  const views = useViews();
  const view = views.data?.find((v) => v.id === viewId);
  const params = useMemo<ListParams>(() => {
    const p: ListParams = { view: viewId };
    for (const k of listKeys) {
      const v = search.get(k);
      if (v) p[k] = v.split(',');
    }
    const assignee = search.get('assignee');
    if (assignee) p.assignee = assignee;
    const sort = search.get('sort');
    if (sort) p.sort = sort;
    return p;
  }, [viewId, search]);
  const list = useCaseList(params);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const cases = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  // Selection is per view: switching views starts empty.
  const [selectionView, setSelectionView] = useState(viewId);
  if (selectionView !== viewId) {
    setSelectionView(viewId);
    setSelected(new Set());
  }
  const title = view ? (view.builtIn ? t(`views.${view.id}`) : view.name) : t('views.loading');

  return (
    <>
      <Group justify="space-between" px="md" pt="md" pb="xs" wrap="nowrap">
        <Group gap="sm">
          <Title order={2} size="h3" data-testid="view-title">
            {title}
          </Title>
          {view && (
            <Badge size="lg" color="gray" data-testid="view-total">
              {f.number(view.count)}
              {view.countCapped ? '+' : ''}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" visibleFrom="sm">
          {t('inbox:keyboardHint')}
        </Text>
      </Group>
      <InboxFilters
        params={params}
        onChange={(next) => {
          const s = new URLSearchParams();
          for (const k of listKeys) if (next[k]?.length) s.set(k, next[k]!.join(','));
          if (next.assignee) s.set('assignee', next.assignee);
          if (next.sort) s.set('sort', next.sort);
          setSearch(s, { replace: true });
        }}
      />
      {selected.size > 0 && <BulkBar selected={[...selected]} cases={cases} onDone={() => setSelected(new Set())} />}
      <CaseList list={list} cases={cases} selected={selected} onSelect={setSelected} />
    </>
  );
}
