import { Fragment, type ComponentType } from 'react';
import { Divider } from '@mantine/core';
import type { Case } from '../api/types.ts';

/** What a side panel of the case screen receives. */
export interface CasePanelProps {
  c: Case;
}

/**
 * Panels other modules add to the case screen's side column, below the customer and linked cases
 * (suggested articles, policies, troubleshooting flows). A module adds its panel here.
 */
const panels: ComponentType<CasePanelProps>[] = [];

/** The modules' panels, each after a divider. */
export function CaseSidePanels({ c }: CasePanelProps) {
  return (
    <>
      {panels.map((Panel, i) => (
        <Fragment key={i}>
          <Divider />
          <Panel c={c} />
        </Fragment>
      ))}
    </>
  );
}
