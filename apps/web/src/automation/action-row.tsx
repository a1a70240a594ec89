import { ActionIcon, Group, NumberInput, Paper, Select, Stack, TagsInput, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { languages, priorities, statuses } from '@switchboard/contracts/constants';
import { useFields, useTeams, useUsers } from '../api/hooks.ts';
import type { RuleAction } from '../api/types.ts';
import { actionTypes, blankAction, templatePlaceholders, type ActionType } from './options.ts';
import { useWebhooks } from './queries.ts';

interface Props {
  index: number;
  action: RuleAction;
  onChange: (a: RuleAction) => void;
  onRemove: () => void;
}

type Templates = Extract<RuleAction, { type: 'send_email' }>['templates'];
type Lang = (typeof languages)[number];
const KEEP = '__keep';
const NOBODY = '__none';

/** Per-language subject and text; English is required, the others fall back to it. */
function TemplatesEditor({ n, templates, onChange }: { n: number; templates: Templates; onChange: (t: Templates) => void }) {
  const { t } = useTranslation('automation');
  const set = (lng: Lang, part: 'subject' | 'body', value: string) => {
    const cur = templates[lng] ?? { subject: '', body: '' };
    const next = { ...cur, [part]: value };
    const copy: Templates = { ...templates };
    if (lng !== 'en' && !next.subject && !next.body) delete copy[lng];
    else copy[lng] = next as Templates['en'];
    onChange(copy);
  };
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('templates.hint', { placeholders: templatePlaceholders.join(', ') })}
      </Text>
      <Tabs defaultValue="en">
        <Tabs.List>
          {languages.map((lng) => (
            <Tabs.Tab key={lng} value={lng}>
              {t(`common:languageName.${lng}`)}
              {lng === 'en' ? ' *' : templates[lng] ? '' : ` (${t('templates.fallback')})`}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {languages.map((lng) => (
          <Tabs.Panel key={lng} value={lng} pt="xs">
            <Stack gap="xs">
              <TextInput
                label={t('templates.subject', { n, language: t(`common:languageName.${lng}`) })}
                required={lng === 'en'}
                value={templates[lng]?.subject ?? ''}
                onChange={(e) => set(lng, 'subject', e.currentTarget.value)}
              />
              <Textarea
                label={t('templates.body', { n, language: t(`common:languageName.${lng}`) })}
                required={lng === 'en'}
                autosize
                minRows={3}
                value={templates[lng]?.body ?? ''}
                onChange={(e) => set(lng, 'body', e.currentTarget.value)}
              />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

/** One action of a rule: its type, and the inputs that type needs. */
export function ActionRow({ index, action, onChange, onRemove }: Props) {
  const { t } = useTranslation('automation');
  const users = useUsers();
  const teams = useTeams();
  const fields = useFields('case');
  const webhooks = useWebhooks();
  const n = index + 1;

  let editor = null;
  switch (action.type) {
    case 'add_tags':
    case 'remove_tags':
      editor = <TagsInput aria-label={t('actionTags', { n })} value={action.tags} onChange={(tags) => onChange({ ...action, tags })} w={320} placeholder={t('listPlaceholder')} />;
      break;
    case 'set_status':
      editor = (
        <Select
          aria-label={t('actionStatus', { n })}
          data={statuses.filter((s) => s !== 'new').map((s) => ({ value: s, label: t(`common:status.${s}`) }))}
          value={action.status}
          onChange={(v) => v && onChange({ ...action, status: v as typeof action.status })}
          allowDeselect={false}
          w={200}
        />
      );
      break;
    case 'set_priority':
      editor = (
        <Select
          aria-label={t('actionPriority', { n })}
          data={priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
          value={action.priority}
          onChange={(v) => v && onChange({ ...action, priority: v as typeof action.priority })}
          allowDeselect={false}
          w={200}
        />
      );
      break;
    case 'assign': {
      const pick = (v: string | null) => (v === KEEP || v === null ? undefined : v === NOBODY ? null : v);
      const shown = (v: string | null | undefined) => (v === undefined ? KEEP : v === null ? NOBODY : v);
      const next = (userId: string | null | undefined, teamId: string | null | undefined): RuleAction => {
        const a: RuleAction = { type: 'assign' };
        if (userId !== undefined) a.userId = userId;
        if (teamId !== undefined) a.teamId = teamId;
        return a;
      };
      editor = (
        <Group gap="xs">
          <Select
            aria-label={t('actionAssignee', { n })}
            data={[{ value: KEEP, label: t('keep') }, { value: NOBODY, label: t('nobody') }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
            value={shown(action.userId)}
            onChange={(v) => onChange(next(pick(v), action.teamId))}
            allowDeselect={false}
            searchable
            w={220}
          />
          <Select
            aria-label={t('actionTeam', { n })}
            data={[{ value: KEEP, label: t('keep') }, { value: NOBODY, label: t('noTeam') }, ...(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))]}
            value={shown(action.teamId)}
            onChange={(v) => onChange(next(action.userId, pick(v)))}
            allowDeselect={false}
            searchable
            w={220}
          />
        </Group>
      );
      break;
    }
    case 'set_field': {
      const def = fields.data?.find((f) => f.key === action.key);
      const label = t('actionFieldValue', { n });
      const text = action.value === null ? '' : String(action.value);
      let valueInput;
      if (def?.type === 'number') {
        valueInput = <NumberInput aria-label={label} value={typeof action.value === 'number' ? action.value : ''} onChange={(v) => onChange({ ...action, value: typeof v === 'number' ? v : null })} w={220} />;
      } else if (def?.type === 'checkbox') {
        valueInput = (
          <Select
            aria-label={label}
            data={[
              { value: 'true', label: t('yes') },
              { value: 'false', label: t('no') },
            ]}
            value={typeof action.value === 'boolean' ? String(action.value) : null}
            onChange={(v) => onChange({ ...action, value: v === 'true' })}
            w={220}
          />
        );
      } else if (def?.type === 'select') {
        valueInput = <Select aria-label={label} data={def.options} value={text || null} onChange={(v) => onChange({ ...action, value: v })} w={220} />;
      } else {
        valueInput = <TextInput aria-label={label} value={text} onChange={(e) => onChange({ ...action, value: e.currentTarget.value })} w={220} />;
      }
      editor = (
        <Group gap="xs">
          <Select
            aria-label={t('actionFieldKey', { n })}
            data={(fields.data ?? []).map((f) => ({ value: f.key, label: f.label }))}
            value={action.key || null}
            onChange={(v) => v && onChange({ ...action, key: v, value: null })}
            searchable
            w={220}
          />
          {valueInput}
        </Group>
      );
      break;
    }
    case 'add_note':
      editor = <Textarea aria-label={t('actionNote', { n })} value={action.body} onChange={(e) => onChange({ ...action, body: e.currentTarget.value })} autosize minRows={2} w={420} />;
      break;
    case 'send_email':
      editor = <TemplatesEditor n={n} templates={action.templates} onChange={(templates) => onChange({ ...action, templates })} />;
      break;
    case 'webhook':
      editor = (
        <Select
          aria-label={t('actionWebhook', { n })}
          data={(webhooks.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
          value={action.endpointId || null}
          onChange={(v) => v && onChange({ ...action, endpointId: v })}
          placeholder={webhooks.data?.length === 0 ? t('noWebhooks') : undefined}
          w={260}
        />
      );
      break;
  }

  return (
    <Paper withBorder p="xs" data-testid="action-row">
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Select
          aria-label={t('actionType', { n })}
          data={actionTypes.map((a) => ({ value: a, label: t(`action.${a}`) }))}
          value={action.type}
          onChange={(v) => v && v !== action.type && onChange(blankAction(v as ActionType))}
          allowDeselect={false}
          w={200}
        />
        <div style={{ flex: 1, minWidth: 240 }}>{editor}</div>
        <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('removeAction', { n })} mt={4}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
    </Paper>
  );
}
