// Colours and the translate signature shared by the view's mark renderers.
// The chrome colours are CSS variables with the default theme as fallback, so the app's high-contrast theme
// (app.css, `:root[data-contrast='more']`) reaches the SVG too; revision colours (palette.ts) never change.
export const INK = 'var(--view-ink, #1f2328)';
export const MUTED = 'var(--view-muted, #57606a)';
export const SELECT = 'var(--view-select, #6f42c1)';
/** Card and node backgrounds. */
export const CARD = 'var(--view-card, #ffffff)';
export const CARD_ALT = 'var(--view-card, #f6f8fa)';

/** Translates the view's few words (`view.desired` …); the app passes i18next's `t`. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;
