/**
 * Page text in our own sentences and files: a page can put controls in its text that would
 * reorder or hide what we say around it (a right-to-left override in "Mina‮logic" turns the
 * rest of the card's sentence backwards).
 */

/** Line breaks and tabs: a name can run across them; shown as a space. */
const SPACING = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/**
 * Other C0/C1 controls, bidi embeddings, overrides and isolates, marks, zero-width characters,
 * the word joiner and invisible operators, the soft hyphen and the byte-order mark: nothing a
 * reader sees as part of a name.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The text as a reader sees it: no invisible or direction controls, line breaks as spaces. */
export function stripControls(text: string): string {
  return text.replace(SPACING, ' ').replace(INVISIBLE, '');
}

/**
 * Page text set into a sentence of ours: cleaned, and isolated (FSI … PDI) so its direction
 * cannot change the order of the words around it.
 */
export function isolate(text: string): string {
  return `\u2068${stripControls(text)}\u2069`;
}
