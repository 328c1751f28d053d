/**
 * Whether the document's body is there but not shown (display or visibility): a page that hides
 * its body while it loads (anti-flicker snippets) is looked at again until it is shown. Its own
 * module, so the bootstrap and the scanner share it without the bootstrap loading the scanner.
 */
export function isHiddenBody(doc: Document): boolean {
  const body = doc.body;
  return (
    body !== null &&
    typeof body.checkVisibility === 'function' &&
    !body.checkVisibility({ visibilityProperty: true })
  );
}
