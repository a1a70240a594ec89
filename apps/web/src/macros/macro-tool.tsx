import { useEffect, useState } from 'react';
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComposerToolProps } from '../case/composer-tools.tsx';
import { MacroPicker } from './macro-picker.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** Shown in the tooltip and the shortcut help: Ctrl+/ (⌘/ on a Mac). */
export const macroShortcutLabel = isMac ? '⌘ /' : 'Ctrl /';

/**
 * Ctrl+/ or ⌘/ — also while typing in the composer, which is where it is needed. Matched on the
 * character, with Shift allowed, since "/" is Shift+7 on German and Turkish keyboards.
 */
const isMacroShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === '/' || e.code === 'Slash');

/** The composer's macro button and its shortcut; the picker puts the rendered text into the composer. */
export function MacroTool({ caseId, insert, disabled }: ComposerToolProps) {
  const { t } = useTranslation('macros');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isMacroShortcut(e)) return;
      e.preventDefault();
      if (!disabled) setOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [disabled]);
  const label = t('tool.open', { shortcut: macroShortcutLabel });
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon variant="default" size="lg" onClick={() => setOpen(true)} disabled={disabled} aria-label={label} aria-keyshortcuts={isMac ? 'Meta+/' : 'Control+/'} data-testid="macro-open">
          <IconTemplate size={18} />
        </ActionIcon>
      </Tooltip>
      {open && <MacroPicker caseId={caseId} onClose={() => setOpen(false)} onInsert={insert} />}
    </>
  );
}
