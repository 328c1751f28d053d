import { MARK_CATEGORIES, type MarkCategory, type MarkStyle } from './settings';

export type MarkStyles = Record<MarkCategory, MarkStyle>;

/** The name of a category's highlight in `CSS.highlights`. */
export const highlightName = (category: MarkCategory) => `cluster-lens-${category}`;

/**
 * The `::highlight()` rules for the chosen styles: an underline per level, never colour alone.
 * Built from the settings' checked values only (an underline keyword, a `#rrggbb` colour).
 */
export function highlightCss(styles: MarkStyles): string {
  return MARK_CATEGORIES.map((category) => {
    const { underline, color } = styles[category];
    return `::highlight(${highlightName(category)}) {
  text-decoration: underline ${underline} ${color};
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
  background-color: ${color}1f;
}`;
  }).join('\n');
}
