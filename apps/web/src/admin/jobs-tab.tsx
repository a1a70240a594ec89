/** Placeholder until this section is built. */
export function JobsTab() {
  return null;
}
