/** Placeholder until this section is built. */
export function AutomationTab() {
  return null;
}
