import { useState, type FormEvent } from 'react';
import { Anchor, Button, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, patch } from '../api/client.ts';
import { useTeams } from '../api/hooks.ts';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { flowsKey } from './queries.ts';
import type { Flow } from './types.ts';

/** The flow's settings: its address, the team self-service requests go to, the tags that suggest it, public or not, archived. */
export function FlowSettings({ flow }: { flow: Flow }) {
  const { t, i18n } = useTranslation('flows');
  const qc = useQueryClient();
  const teams = useTeams();
  const [slug, setSlug] = useState(flow.slug);
  const [teamId, setTeamId] = useState<string | null>(flow.team?.id ?? null);
  const [tags, setTags] = useState<string[]>(flow.tags);
  const [isPublic, setPublic] = useState(flow.public);
  const [archived, setArchived] = useState(flow.archived);
  const save = useMutation({
    mutationFn: () => patch<Flow>(`/flows/${flow.id}`, { slug, teamId, tags, public: isPublic, archived }, { version: flow.version }),
    onSuccess: (saved) => {
      qc.setQueryData([...flowsKey, flow.id], saved);
      void qc.invalidateQueries({ queryKey: flowsKey, exact: true });
      notifySaved(t('settings.saved'));
    },
    onError: (err) => notifyFailed(err),
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const lang = ['en', 'de', 'et', 'tr'].includes(i18n.language) ? i18n.language : 'en';
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={520}>
        <TextInput label={t('settings.slug')} description={t('settings.slugHint')} value={slug} onChange={(e) => setSlug(e.currentTarget.value.trim())} error={fieldError('slug')} required data-testid="flow-slug" />
        <Select
          label={t('settings.team')}
          description={t('settings.teamHint')}
          data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={teamId}
          onChange={setTeamId}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          error={fieldError('teamId')}
        />
        <TagsInput label={t('settings.tags')} description={t('settings.tagsHint')} value={tags} onChange={(v) => setTags(v.map((x) => x.toLowerCase().replace(/[\s,]+/g, '-')))} maxTags={50} />
        <Switch label={t('settings.public')} description={t('settings.publicHint')} checked={isPublic} onChange={(e) => setPublic(e.currentTarget.checked)} data-testid="flow-public" />
        {flow.public && flow.publishedVersion !== null && (
          <Text size="sm">
            <Anchor href={`/help/troubleshoot/${lang}/${flow.slug}`} target="_blank" rel="noreferrer">
              {t('settings.openPublic')}
            </Anchor>
          </Text>
        )}
        <Switch label={t('settings.archived')} description={t('settings.archivedHint')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        <Button type="submit" w="fit-content" loading={save.isPending} data-testid="flow-settings-save">
          {t('settings.save')}
        </Button>
      </Stack>
    </form>
  );
}
