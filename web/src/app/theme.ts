import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's theme with colours that meet WCAG 2.2 AA contrast on white: links and primary buttons use
 * blue 8 (#1971c2, 4.9:1), secondary text gray 7 (#495057, 8.2:1), errors red 9 (#c92a2a, 5.6:1), the text
 * of green and yellow alerts #246b2e (6.4:1) and #7a4a00 (7.3:1).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  headings: { fontWeight: '650' },
  components: {
    Anchor: { defaultProps: { underline: 'hover' } },
  },
});

/** Overrides of Mantine's default colours whose contrast is below 4.5:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Light alerts and badges write in shade 9, too pale in green (4.4:1) and yellow (2.6:1) on their tint.
    '--mantine-color-green-light-color': '#246b2e',
    '--mantine-color-yellow-light-color': '#7a4a00',
  },
  dark: {},
});
