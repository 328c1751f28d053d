import { h, render } from 'preact';
import cardCss from '~/components/cluster-card.css?inline';
import detailsCss from '~/components/cluster-details.css?inline';
import flagCss from '~/components/country-flag.css?inline';
import { ClusterCard } from '~/components/ClusterCard';
import { placeCard } from '~/lib/card-position';
import { chooseCardScheme } from '~/lib/card-theme';
import { OWN_UI_ATTRIBUTE } from '../content/block-collector';
import type { CardView } from '../content/card-view';

/** The card's host element's name, which tests and the page's own tools see. */
const HOST_NAME = 'cluster-lens-card';

/**
 * The card's host and shadow root, created once per frame on first use. The page's styles do
 * not reach into the shadow root, and `all: initial` on the host stops inherited ones.
 */
export function createCardView(): CardView {
  const host = document.createElement(HOST_NAME);
  // Before it enters the page, so the scanner never looks inside.
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  // Closed: page script cannot reach the card's tree through `host.shadowRoot` (to read it,
  // rewrite it, or click its buttons); events from inside reach the page retargeted to the host.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${detailsCss}\n${flagCss}\n${cardCss}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  return {
    host,
    mount() {
      // Outside <body>: the page's layout and transforms on body cannot move the card.
      if (!host.isConnected) document.documentElement.append(host);
    },
    unmount() {
      // The host keeps its shadow root, styles and Preact tree: the next card only re-inserts it.
      host.remove();
    },
    render(props) {
      render(h(ClusterCard, props), container);
    },
    clear() {
      render(null, container);
    },
    dialog: () => container.querySelector<HTMLElement>('.cl-card'),
    hasFocus: () => shadow.activeElement !== null,
    scheme: (setting) => chooseCardScheme(setting, readPageAppearance()),
    place(anchor, viewport) {
      const dialog = container.querySelector<HTMLElement>('.cl-card');
      if (!dialog) return;
      // Measure at the card's natural height (its stylesheet's cap), then fit it.
      dialog.style.maxHeight = '';
      const measured = dialog.getBoundingClientRect();
      const size = { width: measured.width, height: measured.height };
      const at = placeCard(anchor, size, viewport);
      dialog.style.left = `${at.left}px`;
      dialog.style.top = `${at.top}px`;
      dialog.style.maxHeight = `${Math.min(size.height, at.maxHeight)}px`;
      dialog.dataset.placement = `${at.vertical}-${at.horizontal}`;
    },
  };
}

/** What the page looks like, for the card's `auto` theme. */
function readPageAppearance() {
  const root = document.documentElement;
  const rootStyle = getComputedStyle(root);
  const meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]');
  const declared = rootStyle.colorScheme;
  return {
    // A <meta name="color-scheme"> sets the page's scheme without showing in computed styles.
    colorScheme: declared && declared !== 'normal' ? declared : (meta?.content ?? 'normal'),
    backgrounds: [
      document.body ? getComputedStyle(document.body).backgroundColor : '',
      rootStyle.backgroundColor,
    ],
    prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
  };
}
