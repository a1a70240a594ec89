import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, NavLink, NumberInput, Select, Stack, Tabs, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconFolder, IconFolderPlus, IconPencil, IconStack2 } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { languages } from '@switchboard/contracts/constants';
import { del, patch, post } from '../api/client.ts';
import { ModalActions } from '../ui/modal-actions.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import type { KnowledgeCategory, KnowledgeLanguage } from './types.ts';

/** A category's name in the wanted language, else the first it has. */
export function categoryLabel(c: KnowledgeCategory, language: string): string {
  const own = c.translations[language as KnowledgeLanguage];
  return own?.name ?? Object.values(c.translations)[0]?.name ?? c.slug;
}

interface TreeProps {
  categories: KnowledgeCategory[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  language: string;
  canEdit: boolean;
}

/** The category tree: "All articles", then each category with its subcategories indented. */
export function CategoryTree({ categories, selected, onSelect, language, canEdit }: TreeProps) {
  const { t } = useTranslation('knowledge');
  const [editing, setEditing] = useState<KnowledgeCategory | 'new' | null>(null);
  const children = (parent: string | null) => categories.filter((c) => c.parentId === parent).sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug));
  const render = (parent: string | null, depth: number): React.ReactNode =>
    children(parent).map((c) => (
      <div key={c.id}>
        <NavLink
          component="button"
          type="button"
          label={categoryLabel(c, language)}
          leftSection={<IconFolder size={16} aria-hidden />}
          rightSection={
            <Group gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed">
                {c.articleCount}
              </Text>
              {canEdit && (
                <Tooltip label={t('category.edit')}>
                  <ActionIcon
                    component="span"
                    role="button"
                    tabIndex={0}
                    size="sm"
                    variant="subtle"
                    aria-label={t('category.editNamed', { name: categoryLabel(c, language) })}
                    onClick={(e) => {
                      e.stopPropagation();
                      setEditing(c);
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        e.stopPropagation();
                        setEditing(c);
                      }
                    }}
                  >
                    <IconPencil size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          }
          active={selected === c.id}
          onClick={() => onSelect(c.id)}
          pl={12 + depth * 16}
          aria-current={selected === c.id ? 'true' : undefined}
          data-testid="category-link"
        />
        {render(c.id, depth + 1)}
      </div>
    ));
  return (
    <Stack gap={2} component="nav" aria-label={t('category.tree')}>
      <NavLink component="button" type="button" label={t('category.all')} leftSection={<IconStack2 size={16} aria-hidden />} active={selected === null} onClick={() => onSelect(null)} aria-current={selected === null ? 'true' : undefined} />
      {render(null, 0)}
      {canEdit && (
        <Button variant="subtle" size="xs" leftSection={<IconFolderPlus size={16} aria-hidden />} onClick={() => setEditing('new')} mt="xs" justify="flex-start">
          {t('category.new')}
        </Button>
      )}
      {editing && <CategoryModal category={editing === 'new' ? null : editing} categories={categories} language={language} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function CategoryModal({ category, categories, language, onClose }: { category: KnowledgeCategory | null; categories: KnowledgeCategory[]; language: string; onClose: () => void }) {
  const { t } = useTranslation('knowledge');
  const qc = useQueryClient();
  const [slug, setSlug] = useState(category?.slug ?? '');
  const [parentId, setParentId] = useState<string | null>(category?.parentId ?? null);
  const [position, setPosition] = useState<number>(category?.position ?? 0);
  const [names, setNames] = useState<Record<string, { name: string; description: string }>>(() =>
    Object.fromEntries(languages.map((l) => [l, { name: category?.translations[l]?.name ?? '', description: category?.translations[l]?.description ?? '' }])),
  );
  const save = useMutation({
    mutationFn: () => {
      const translations = Object.fromEntries(Object.entries(names).filter(([, v]) => v.name.trim()));
      const body = { slug, parentId, position, translations };
      return category ? patch(`/knowledge/categories/${category.id}`, body, { version: category.version }) : post('/knowledge/categories', body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['knowledge'] });
      notifySaved(t('category.saved'));
      onClose();
    },
    onError: (err) => notifyFailed(err, t('category.saveFailed')),
  });
  const remove = useMutation({
    mutationFn: () => del(`/knowledge/categories/${category!.id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['knowledge'] });
      onClose();
    },
    onError: (err) => notifyFailed(err, t('category.deleteFailed')),
  });
  const parents = categories.filter((c) => c.id !== category?.id).map((c) => ({ value: c.id, label: categoryLabel(c, language) }));
  return (
    <Modal opened onClose={onClose} title={category ? t('category.edit') : t('category.new')} size="lg">
      <Stack>
        <TextInput label={t('category.slug')} description={t('category.slugHint')} value={slug} onChange={(e) => setSlug(e.currentTarget.value)} required data-autofocus />
        <Group grow>
          <Select label={t('category.parent')} data={parents} value={parentId} onChange={setParentId} clearable placeholder={t('category.noParent')} />
          <NumberInput label={t('category.position')} value={position} onChange={(v) => setPosition(Number(v) || 0)} min={0} />
        </Group>
        <Tabs defaultValue={language in names ? language : 'en'}>
          <Tabs.List>
            {languages.map((l) => (
              <Tabs.Tab key={l} value={l}>
                {t(`common:languageName.${l}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {languages.map((l) => (
            <Tabs.Panel key={l} value={l} pt="sm">
              <Stack gap="xs">
                <TextInput label={t('category.name')} value={names[l]!.name} onChange={(e) => setNames({ ...names, [l]: { ...names[l]!, name: e.currentTarget.value } })} />
                <Textarea label={t('category.description')} value={names[l]!.description} onChange={(e) => setNames({ ...names, [l]: { ...names[l]!, description: e.currentTarget.value } })} autosize minRows={2} />
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
        <Group justify="space-between">
          {category ? (
            <Button color="red" variant="subtle" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('category.delete')}
            </Button>
          ) : (
            <span />
          )}
          <ModalActions onCancel={onClose} onSubmit={() => save.mutate()} loading={save.isPending} submitLabel={t('save')} submitTestId="category-save" />
        </Group>
      </Stack>
    </Modal>
  );
}
