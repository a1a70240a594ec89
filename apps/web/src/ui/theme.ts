import { createTheme, mergeThemeOverrides, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons above 4.5:1 (WCAG AA); autoContrast picks dark text
  // on light fills (yellow, lime).
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.25,
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { variant: 'light', radius: 'sm' } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    // A loader is a live status: with the role, its aria-label ("Loading…") is allowed and announced.
    Loader: { defaultProps: { role: 'status' } },
  },
});

/**
 * The theme in the interface language: close buttons of modals, drawers and notifications get a
 * name (Mantine leaves them unnamed), and notification text stays at full contrast.
 */
export function localizedTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': closeLabel };
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: { defaultProps: { closeButtonProps } },
        Drawer: { defaultProps: { closeButtonProps } },
        Notification: { defaultProps: { closeButtonProps }, styles: { description: { color: 'var(--mantine-color-text)' } } },
      },
    }),
  );
}

const tinted = ['blue', 'red', 'orange', 'yellow', 'green', 'teal', 'grape', 'violet', 'cyan', 'gray', 'indigo', 'pink', 'lime'];

const darkText: Record<string, string> = { teal: '#05533d', green: '#1e5b28', lime: '#3f5f0f', yellow: '#6b4300', orange: '#8a3a06', cyan: '#0a4f5c', grape: '#6a1b7a', pink: '#8c1d4f' };

/**
 * Mantine's defaults put shade-6 text on light tints and dim text at gray 6, both under 4.5:1.
 * These variables keep every text at AA contrast in both color schemes (axe checks it in the tests).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(tinted.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`])),
    ...Object.fromEntries(tinted.map((c) => [`--mantine-color-${c}-text`, `var(--mantine-color-${c}-9)`])),
    // Shade 9 of the bright hues is still under 4.5:1 on their own tint: darker still.
    ...Object.fromEntries(Object.entries(darkText).flatMap(([c, hex]) => [[`--mantine-color-${c}-light-color`, hex], [`--mantine-color-${c}-text`, hex]])),
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
  },
  dark: {
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-2)',
    ...Object.fromEntries(tinted.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-2)`])),
    ...Object.fromEntries(tinted.map((c) => [`--mantine-color-${c}-text`, `var(--mantine-color-${c}-3)`])),
    '--mantine-color-anchor': 'var(--mantine-color-blue-3)',
  },
});

export const statusColor: Record<string, string> = {
  new: 'blue',
  open: 'red',
  pending: 'yellow',
  on_hold: 'grape',
  solved: 'green',
  closed: 'gray',
};

export const priorityColor: Record<string, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
