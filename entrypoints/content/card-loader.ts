import { LOAD_CARD, type LoadCardRequest, type LoadCardResponse } from '~/lib/messages';
import { CARD_VIEW_GLOBAL, type CreateCardView } from './card-view';

let loading: Promise<CreateCardView | null> | null = null;

/**
 * The card's view factory, its code loaded into this frame on the first call (the background
 * injects it; see utils/card-injection.ts); null when that failed, and the next call tries again.
 * Called as soon as the pointer rests on a mark, so the code is usually in by the time the
 * hover delay ends.
 */
export function loadCardView(): Promise<CreateCardView | null> {
  const present = loadedFactory();
  if (present) return Promise.resolve(present);
  loading ??= browser.runtime
    .sendMessage<LoadCardRequest, LoadCardResponse | undefined>({ type: LOAD_CARD })
    .then((reply) => (reply?.loaded ? loadedFactory() : null))
    .catch(() => null)
    .then((factory) => {
      if (!factory) loading = null;
      return factory;
    });
  return loading;
}

function loadedFactory(): CreateCardView | null {
  const value = (globalThis as unknown as Record<string, unknown>)[CARD_VIEW_GLOBAL];
  return typeof value === 'function' ? (value as CreateCardView) : null;
}
