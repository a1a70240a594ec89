import type { ComponentType } from 'react';
import { Divider } from '@mantine/core';
import type { Case } from '../api/types.ts';
import { ChatPanel } from '../chat/chat-panel.tsx';
import { KnowledgePanel } from '../knowledge/case-panel.tsx';
import { FlowsPanel } from '../flows/case-panel.tsx';

/** What a side panel of the case screen receives. */
export interface CasePanelProps {
  c: Case;
}

/**
 * Panels other modules add to the case screen's side column, below the customer and linked cases
 * (suggested articles, policies, troubleshooting flows). A module adds its panel here.
 */
const panels: ComponentType<CasePanelProps>[] = [ChatPanel, FlowsPanel, KnowledgePanel];

/** The modules' panels, each after a divider; a panel with nothing to show for this case takes no room (CSS :has). */
export function CaseSidePanels({ c }: CasePanelProps) {
  return (
    <>
      {panels.map((Panel, i) => (
        <div key={i} className="sb-side-panel">
          <Divider mb="lg" />
          <div className="sb-side-panel-body">
            <Panel c={c} />
          </div>
        </div>
      ))}
    </>
  );
}
