/** Placeholder until this section is built. */
export function BusinessHoursTab() {
  return null;
}
