import type { ComponentType } from 'react';
import { Group } from '@mantine/core';
import type { ComposerMode } from './composer.tsx';
import { MacroTool } from '../macros/macro-tool.tsx';
import { KnowledgeTool } from '../knowledge/composer-tool.tsx';

/** What a composer tool receives: the case, the composer's mode, and a way to put text into it. */
export interface ComposerToolProps {
  caseId: string;
  mode: ComposerMode;
  /** Inserts text at the cursor (or appends it) and focuses the composer. */
  insert: (text: string) => void;
  disabled: boolean;
}

/**
 * Buttons other modules add beside the attach button (insert an article, apply a macro). A module
 * adds its tool here; a tool with a keyboard shortcut binds it itself.
 */
const tools: ComponentType<ComposerToolProps>[] = [MacroTool, KnowledgeTool];

/** The modules' composer tools in a row. */
export function ComposerTools(props: ComposerToolProps) {
  if (tools.length === 0) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {tools.map((Tool, i) => (
        <Tool key={i} {...props} />
      ))}
    </Group>
  );
}
