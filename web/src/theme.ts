import { createTheme } from "@mantine/core";

// Mantine's system font stack: no web fonts to download or allow in the CSP.
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "sm",
});
