/** Placeholder until this section is built. */
export function SlaTab() {
  return null;
}
