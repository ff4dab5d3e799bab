// Okabe–Ito, the colour-blind-safe palette, ordered so that neighbouring revisions contrast well.
// Colour is never the only signal: every pod also carries its revision label and a phase outline/icon.
export const revisionColors = [
  '#56B4E9',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#0072B2',
  '#D55E00',
  '#F0E442',
  '#000000',
];

/** Text colour readable on each palette fill (WCAG AA for the small bold labels). */
const onColor = ['#000000', '#000000', '#000000', '#000000', '#ffffff', '#000000', '#000000', '#ffffff'];

export function revisionColor(index: number | null): string {
  if (index === null) return '#8a8a8a';
  return revisionColors[index % revisionColors.length]!;
}

export function textOnRevisionColor(index: number | null): string {
  if (index === null) return '#000000';
  return onColor[index % onColor.length]!;
}
