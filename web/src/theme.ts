import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type CSSVariablesResolver,
} from "@mantine/core";

// Mantine's system font stack: no web fonts to download or allow in the CSP. The shades are
// chosen for WCAG AA contrast (4.5:1), which the browser tests check with axe: Mantine's default
// primary (shade 6), its "dimmed" grey and its light variants' text fall short of it on white.
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: 8,
  autoContrast: true,
  defaultRadius: "sm",
  variantColorResolver: (input) => {
    const colors = defaultVariantColorsResolver(input);
    if (input.variant === "light") {
      const name =
        input.color !== undefined && input.color in input.theme.colors
          ? input.color
          : input.theme.primaryColor;
      const text = input.theme.colors[name]?.[9];
      return { ...colors, color: text === undefined ? colors.color : darken(text, 0.4) };
    }
    return colors;
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { "--mantine-color-dimmed": current.colors.gray[7] },
  dark: {},
});
