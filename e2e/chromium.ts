/** Debian's Chromium, or the one CHROMIUM_PATH names (kept apart from the harness: the global setup reads it outside a test). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
