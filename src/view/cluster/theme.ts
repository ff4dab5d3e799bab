// Colours and the translate signature shared by the view's mark renderers.
export const INK = '#1f2328';
export const MUTED = '#57606a';
export const SELECT = '#6f42c1';

/** Translates the view's few words (`view.desired` …); the app passes i18next's `t`. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;
