// The portal's theme: react-admin's light theme with colours that meet WCAG 2.1 AA (4.5:1 for
// text). Its defaults fail: the app bar's #2196f3 behind white text is 3.12:1, primary #1976d2
// on the page background 4.4:1, warning and info chips with white text 3.0:1 and 4.1:1.
import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

export const kesosTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    // 5.75:1 on white, 5.5:1 on the page background.
    primary: { main: '#1565c0', light: '#5e92f3', dark: '#003c8f', contrastText: '#fff' },
    // The app bar: 8.6:1 behind white text.
    secondary: { main: '#0d47a1', light: '#5472d3', dark: '#002171', contrastText: '#fff' },
    // Chips and badges with white text: 5.0:1 (warning), 6.4:1 (info), 5.1:1 (success), 5.9:1 (error).
    warning: { main: '#b45309', light: '#d97706', dark: '#7c2d12', contrastText: '#fff' },
    info: { main: '#0369a1', light: '#0284c7', dark: '#0c4a6e', contrastText: '#fff' },
    success: { main: '#2e7d32', contrastText: '#fff' },
    error: { main: '#c62828', contrastText: '#fff' },
  },
  components: {
    ...defaultLightTheme.components,
    // A spinner is announced (axe aria-progressbar-name); the portal's default language.
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Memuat' } },
    // react-admin gives its row and page selection checkboxes an aria-label as a root prop, which
    // MUI puts on the wrapping <span> (no role: a prohibited attribute) and not on the <input>
    // (unlabelled: axe "label", critical). Moved to the input, for every checkbox of the portal.
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: () => ({ 'aria-label': undefined }),
          input: (ownerState: { 'aria-label'?: string }) => ({ 'aria-label': ownerState['aria-label'] }),
        },
      },
    },
  },
};
