import type { ClusterCardProps } from '~/components/ClusterCard';
import type { Box, Size } from '~/lib/card-position';
import type { CardScheme } from '~/lib/card-theme';
import type { Settings } from '~/lib/settings';

/**
 * The hover card's view: its host element and shadow root, and the Preact tree inside. Its code
 * (Preact, the card's components and styles: most of what a card costs) is not part of the
 * content script every frame loads; the background puts it into a frame's content script world
 * the first time that frame needs a card (see card-loader.ts and entrypoints/card).
 */
export interface CardView {
  /** The element that holds the card's shadow root; marked as our own UI, never scanned. */
  readonly host: HTMLElement;
  /** Puts the host into the page (last child of <html>), if it is not there. */
  mount(): void;
  /** Takes the host out of the page again: a closed card leaves the page's DOM as it was. */
  unmount(): void;
  render(props: ClusterCardProps): void;
  /** Empties the card. */
  clear(): void;
  dialog(): HTMLElement | null;
  /** Whether focus is inside the card. */
  hasFocus(): boolean;
  /**
   * The card's scheme for the reader's setting and, for `auto`, what the page looks like now.
   * (Here, with the card's code, not in the script every frame loads.)
   */
  scheme(setting: Settings['cardTheme']): CardScheme;
  /** Puts the rendered card by `anchor` (its mark's box, in the viewport), never over it. */
  place(anchor: Box, viewport: Size): void;
}

export type CreateCardView = () => CardView;

/**
 * Where the card's code leaves its factory: a property of the content scripts' own global,
 * which in both browsers is apart from the page's (an isolated world in Chromium, a sandbox in
 * Firefox), so no page script can reach it.
 */
export const CARD_VIEW_GLOBAL = '__clusterLensCardView';
