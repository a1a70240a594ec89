import { Anchor, Badge, Box, Button, Group, Loader, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconExternalLink, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useTeams } from '../api/hooks.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { ArticleStatsLine, FallbackBadge, PolicyBadge, VisibilityBadge } from './badges.tsx';
import { ArticleHtml, pickTranslation } from './article-html.tsx';
import { useCanEditKnowledge, useListLanguage } from './hooks.ts';
import { useArticle, useArticleUses } from './queries.ts';
import { RevisionHistory } from './revision-history.tsx';
import type { KnowledgeLanguage } from './types.ts';

function Uses({ id }: { id: string }) {
  const { t } = useTranslation('knowledge');
  const f = useFormat();
  const uses = useArticleUses(id);
  if (uses.isPending) return <Loader size="sm" aria-label={t('common:loading')} />;
  if (uses.isError) return <ErrorState error={uses.error} />;
  if (uses.data.length === 0) return <Text c="dimmed">{t('uses.none')}</Text>;
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('uses.case')}</Table.Th>
          <Table.Th>{t('uses.by')}</Table.Th>
          <Table.Th>{t('uses.how')}</Table.Th>
          <Table.Th>{t('uses.when')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {uses.data.map((u, i) => (
          <Table.Tr key={i}>
            <Table.Td>
              <Anchor component={RouterLink} to={`/cases/${u.caseNumber}`}>
                #{u.caseNumber} {u.subject}
              </Anchor>
            </Table.Td>
            <Table.Td>{u.user?.name ?? '—'}</Table.Td>
            <Table.Td>
              {t(`send.mode.${u.mode}`)} · {u.language.toUpperCase()}
            </Table.Td>
            <Table.Td>{f.dateTime(u.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One article (/knowledge/articles/:id): its text in a language, figures, uses and history. */
export function ArticleViewPage() {
  const { t } = useTranslation('knowledge');
  const { id } = useParams();
  const f = useFormat();
  const canEdit = useCanEditKnowledge();
  const [language, setLanguage] = useListLanguage();
  const article = useArticle(id);
  const teams = useTeams();
  if (article.isPending) return <Loader m="xl" aria-label={t('common:loading')} />;
  if (article.isError) return <ErrorState error={article.error} onRetry={() => void article.refetch()} />;
  const a = article.data;
  const { translation, fellBack } = pickTranslation(a, language);
  const teamName = (teamId: string) => teams.data?.find((x) => x.id === teamId)?.name ?? teamId;
  return (
    <Box style={{ flex: 1, overflow: 'auto' }} p="md">
      <Stack maw={900} gap="md">
        <Group justify="space-between" wrap="wrap">
          <Button component={RouterLink} to={`/knowledge?lang=${language}`} variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            {t('back')}
          </Button>
          <Group gap="xs">
            {a.visibility === 'public' && (
              <Button component="a" href={`/help/${translation.language}/articles/${a.slug}`} target="_blank" rel="noopener" variant="default" leftSection={<IconExternalLink size={16} aria-hidden />}>
                {t('article.openHelpCenter')}
              </Button>
            )}
            {canEdit && (
              <Button component={RouterLink} to={`/knowledge/articles/${a.id}/edit?lang=${language}`} leftSection={<IconPencil size={16} aria-hidden />} data-testid="article-edit">
                {t('article.edit')}
              </Button>
            )}
          </Group>
        </Group>
        <Group gap="xs">
          <VisibilityBadge visibility={a.visibility} />
          {a.policy.isPolicy && <PolicyBadge />}
          {fellBack && <FallbackBadge language={translation.language} />}
          <ArticleStatsLine stats={a.stats} />
        </Group>
        <Tabs value={language} onChange={(v) => v && setLanguage(v as KnowledgeLanguage)} keepMounted={false}>
          <Tabs.List>
            {(['en', 'de', 'et', 'tr'] as const).map((l) => (
              <Tabs.Tab key={l} value={l} rightSection={a.translations.some((x) => x.language === l) ? null : <Badge size="xs" variant="outline" color="gray">{t('article.missing')}</Badge>}>
                {t(`common:languageName.${l}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        {fellBack && (
          <Text size="sm" c="orange.9" data-testid="article-fallback-note">
            {t('fallback.note', { wanted: t(`common:languageName.${language}`), shown: t(`common:languageName.${translation.language}`) })}
          </Text>
        )}
        <Paper withBorder p="lg" radius="md">
          <Title order={1} size="h2" lang={translation.language} data-testid="article-title">
            {translation.title}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('article.updated', { when: f.dateTime(translation.updatedAt), who: translation.updatedBy?.name ?? t('article.system'), revision: translation.revision })}
          </Text>
          <ArticleHtml html={translation.bodyHtml} lang={translation.language} />
          {a.files.length > 0 && (
            <Stack gap={4} mt="md">
              <Text fw={600}>{t('files.title')}</Text>
              {a.files.map((file) => (
                <Anchor key={file.id} href={file.url} target="_blank" rel="noopener">
                  {file.fileName}
                </Anchor>
              ))}
            </Stack>
          )}
        </Paper>
        {a.policy.isPolicy && (
          <Text size="sm">
            {t('policy.pinnedTo', {
              teams: a.policy.teamIds.map(teamName).join(', ') || '—',
              tags: a.policy.tags.join(', ') || '—',
            })}
          </Text>
        )}
        <Tabs defaultValue="history">
          <Tabs.List>
            <Tabs.Tab value="history">{t('history.title')}</Tabs.Tab>
            <Tabs.Tab value="uses">{t('uses.title', { count: a.stats.uses })}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="history" pt="sm">
            <RevisionHistory article={a} language={translation.language} canRestore={canEdit} />
          </Tabs.Panel>
          <Tabs.Panel value="uses" pt="sm">
            <Uses id={a.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Box>
  );
}
