import { useState } from 'react';
import { Badge, Box, Button, Group, Loader, Paper, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconHistory, IconRestore } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../api/client.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { useRevisionDiff, useRevisions } from './queries.ts';
import type { ArticleRevisionDiff, KnowledgeArticle, KnowledgeLanguage } from './types.ts';

/**
 * Removed words struck through in red, added ones underlined in green (not by colour alone);
 * screen readers hear "added:" / "removed:" before each. Whitespace-only changes are not marked.
 */
function DiffText({ parts }: { parts: ArticleRevisionDiff['body'] }) {
  const { t } = useTranslation('knowledge');
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="revision-diff">
      {parts.map((p, i) =>
        p.added && p.value.trim() ? (
          <ins key={i} style={{ background: 'var(--mantine-color-green-light)', textDecoration: 'underline' }}>
            <VisuallyHidden>{t('history.added')}</VisuallyHidden>
            {p.value}
          </ins>
        ) : p.removed && p.value.trim() ? (
          <del key={i} style={{ background: 'var(--mantine-color-red-light)' }}>
            <VisuallyHidden>{t('history.removed')}</VisuallyHidden>
            {p.value}
          </del>
        ) : p.removed ? null : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </Text>
  );
}

function Diff({ articleId, revisionId }: { articleId: string; revisionId: number }) {
  const { t } = useTranslation('knowledge');
  const diff = useRevisionDiff(articleId, revisionId);
  if (diff.isPending) return <Loader size="sm" aria-label={t('common:loading')} />;
  if (diff.isError) return <ErrorState error={diff.error} />;
  const d = diff.data;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {d.base ? t('history.against', { number: d.base.number }) : t('history.first')}
      </Text>
      {d.title.some((p) => p.added || p.removed) && (
        <Box>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            {t('editor.title')}
          </Text>
          <DiffText parts={d.title} />
        </Box>
      )}
      <DiffText parts={d.body} />
    </Stack>
  );
}

/** The saved versions of one translation, newest first; pick one to see its diff or restore it. */
export function RevisionHistory({ article, language, canRestore }: { article: KnowledgeArticle; language: KnowledgeLanguage; canRestore: boolean }) {
  const { t } = useTranslation('knowledge');
  const f = useFormat();
  const qc = useQueryClient();
  const revisions = useRevisions(article.id, language);
  const [selected, setSelected] = useState<number | null>(null);
  const restore = useMutation({
    mutationFn: (revisionId: number) => post<KnowledgeArticle>(`/knowledge/articles/${article.id}/revisions/${revisionId}/restore`, {}, { version: article.version }),
    onSuccess: (updated) => {
      qc.setQueryData(['knowledge', 'article', article.id], updated);
      void qc.invalidateQueries({ queryKey: ['knowledge'] });
      notifySaved(t('history.restored'));
    },
    onError: (err) => notifyFailed(err, t('history.restoreFailed')),
  });
  if (revisions.isPending) return <Loader size="sm" aria-label={t('common:loading')} />;
  if (revisions.isError) return <ErrorState error={revisions.error} />;
  const current = revisions.data[0]?.id;
  const shown = selected ?? current ?? null;
  return (
    <Group align="flex-start" wrap="wrap" gap="md">
      <Stack gap={4} w={280} role="list" aria-label={t('history.list')}>
        {revisions.data.map((r) => (
          <UnstyledButton
            key={r.id}
            role="listitem"
            onClick={() => setSelected(r.id)}
            p="xs"
            aria-current={r.id === shown ? 'true' : undefined}
            style={{ borderRadius: 6, background: r.id === shown ? 'var(--mantine-primary-color-light)' : undefined }}
            data-testid="revision-item"
          >
            <Group gap={6} wrap="nowrap">
              <IconHistory size={14} aria-hidden />
              <Text size="sm" fw={600}>
                {t('history.revision', { number: r.number })}
              </Text>
              {r.id === current && (
                <Badge size="xs" variant="light">
                  {t('history.current')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {f.dateTime(r.createdAt)} · {r.author?.name ?? t('article.system')}
              {r.restoredFrom !== null && ` · ${t('history.restoredFrom', { number: revisions.data.find((x) => x.id === r.restoredFrom)?.number ?? '?' })}`}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
      {shown !== null && (
        <Paper withBorder p="md" style={{ flex: 1, minWidth: 280 }}>
          <Diff articleId={article.id} revisionId={shown} />
          {canRestore && shown !== current && (
            <Button mt="md" variant="light" leftSection={<IconRestore size={16} aria-hidden />} onClick={() => restore.mutate(shown)} loading={restore.isPending} data-testid="revision-restore">
              {t('history.restore', { number: revisions.data.find((x) => x.id === shown)?.number })}
            </Button>
          )}
        </Paper>
      )}
    </Group>
  );
}
