/** Placeholder until this section is built. */
export function RoutingTab() {
  return null;
}
