import { CARD_VIEW_GLOBAL } from '../content/card-view';
import { createCardView } from './card-view';

/**
 * The hover card's code, run in a frame's content script world by the background when that
 * frame first opens a card (utils/card-injection.ts). It only hands its factory to the content
 * script; running it twice changes nothing.
 */
export default defineUnlistedScript(() => {
  const global = globalThis as unknown as Record<string, unknown>;
  global[CARD_VIEW_GLOBAL] ??= createCardView;
});
