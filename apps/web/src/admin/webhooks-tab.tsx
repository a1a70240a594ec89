/** Placeholder until this section is built. */
export function WebhooksTab() {
  return null;
}
