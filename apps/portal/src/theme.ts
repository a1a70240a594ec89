/**
 * The portal's theme from the admin's brand colour. Any colour an admin picks must still give
 * readable buttons and links (WCAG AA, checked by axe in the tests): the shade used for filled
 * buttons and links is darkened until white text on it reaches 4.5:1, and lighter shades are
 * mixed from it for backgrounds.
 */
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';

type Rgb = [number, number, number];

const parse = (hex: string): Rgb => {
  const h = /^#[0-9a-f]{6}$/i.test(hex) ? hex.slice(1) : '1864ab';
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
};
const toHex = (c: Rgb): string => `#${c.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as Rgb;

function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** Contrast ratio of white text on this colour. */
export const contrastOnWhite = (c: Rgb): number => 1.05 / (luminance(c) + 0.05);

const white: Rgb = [255, 255, 255];
const black: Rgb = [0, 0, 0];

/** Ten shades around the brand colour; shade 6 is the accessible one (>= 4.6:1 against white). */
export function brandPalette(hex: string): MantineColorsTuple {
  let strong = parse(hex);
  for (let i = 0; i < 40 && contrastOnWhite(strong) < 4.6; i++) strong = mix(strong, black, 0.06);
  const shades = [0.92, 0.84, 0.7, 0.55, 0.38, 0.18].map((t) => toHex(mix(strong, white, t)));
  return [...shades, toHex(strong), toHex(mix(strong, black, 0.15)), toHex(mix(strong, black, 0.3)), toHex(mix(strong, black, 0.45))] as unknown as MantineColorsTuple;
}

export function portalTheme(primaryColor: string, closeLabel: string): MantineThemeOverride {
  return createTheme({
    colors: { brand: brandPalette(primaryColor) },
    primaryColor: 'brand',
    primaryShade: 6,
    fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
    defaultRadius: 'md',
    cursorType: 'pointer',
    components: {
      Badge: { defaultProps: { variant: 'light', radius: 'sm' } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
    },
  });
}

const tinted = ['brand', 'blue', 'red', 'orange', 'yellow', 'green', 'teal', 'grape', 'gray', 'cyan'];

/** Text on light tints and dimmed text darker than Mantine's defaults, for AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-brand-7)',
    ...Object.fromEntries(tinted.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`])),
    ...Object.fromEntries(tinted.map((c) => [`--mantine-color-${c}-text`, `var(--mantine-color-${c}-9)`])),
    '--mantine-color-yellow-light-color': '#6b4300',
    '--mantine-color-orange-light-color': '#8a3a06',
    '--mantine-color-green-light-color': '#1e5b28',
    '--mantine-color-teal-light-color': '#05533d',
  },
  dark: {},
});

export const statusColor: Record<string, string> = { new: 'blue', open: 'orange', pending: 'yellow', on_hold: 'grape', solved: 'green', closed: 'gray' };
