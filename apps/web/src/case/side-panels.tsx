import type { ComponentType, ReactElement } from 'react';
import { Divider } from '@mantine/core';
import type { Case } from '../api/types.ts';
import { ChatPanel } from '../chat/chat-panel.tsx';
import { KnowledgePanel } from '../knowledge/case-panel.tsx';
import { FlowsPanel, useFlowsFirst } from '../flows/case-panel.tsx';

/** What a side panel of the case screen receives. */
export interface CasePanelProps {
  c: Case;
}

/**
 * Panels other modules add to the case screen's side column, below the customer and linked cases
 * (suggested articles, policies, troubleshooting flows). A module adds its panel here.
 */
const panels: Array<{ key: string; Panel: ComponentType<CasePanelProps> }> = [
  { key: 'chat', Panel: ChatPanel },
  { key: 'flows', Panel: FlowsPanel },
  { key: 'knowledge', Panel: KnowledgePanel },
];

/**
 * The case screen's side column: the case's own sections (`children`, keyed), then the modules'
 * panels. The flows panel goes first while a flow runs or is suggested, so it is in view on a
 * laptop screen without scrolling; every entry is keyed, so a panel that moves keeps its state
 * (a note half written, a flow being started). A panel with nothing to show for this case takes
 * no room (CSS :has).
 */
export function CaseSideColumn({ c, children }: { c: Case; children: ReactElement[] }) {
  const flowsFirst = useFlowsFirst(c);
  const entries = panels.map(({ key, Panel }) => {
    const first = key === 'flows' && flowsFirst;
    // The divider sits between the panel and its neighbour: below it at the top, above it elsewhere.
    return {
      first,
      node: (
        <div key={key} className="sb-side-panel" data-panel={key} data-first={first || undefined}>
          {first ? null : <Divider mb="lg" />}
          <div className="sb-side-panel-body">
            <Panel c={c} />
          </div>
          {first ? <Divider mt="lg" /> : null}
        </div>
      ),
    };
  });
  // One flat list of keyed elements: React moves a panel within it instead of mounting it anew.
  return <>{[...entries.filter((e) => e.first).map((e) => e.node), ...children, ...entries.filter((e) => !e.first).map((e) => e.node)]}</>;
}
