import { describe, expect, it } from 'vitest';
import { isRequest, MARK_STYLES } from '~/lib/messages';
import { DEFAULT_SETTINGS } from '~/lib/settings';

const styles = DEFAULT_SETTINGS.styles;

describe('the mark-styles request', () => {
  it('carries settings-valid styles, or null', () => {
    expect(isRequest({ type: MARK_STYLES, styles, previous: null }, MARK_STYLES)).toBe(true);
    expect(isRequest({ type: MARK_STYLES, styles: null, previous: styles }, MARK_STYLES)).toBe(
      true,
    );
  });

  it('refuses anything else, so no request can put CSS of its own into a page', () => {
    const bad = [
      { ...styles, gold: { underline: 'solid', color: '#fff} body{display:none' } },
      { ...styles, gold: { underline: 'solid; color: red', color: '#c08a00' } },
      { gold: styles.gold },
      '::highlight(x) {}',
    ];
    for (const value of bad) {
      expect(isRequest({ type: MARK_STYLES, styles: value, previous: null }, MARK_STYLES)).toBe(
        false,
      );
      expect(isRequest({ type: MARK_STYLES, styles, previous: value }, MARK_STYLES)).toBe(false);
    }
    expect(isRequest({ type: MARK_STYLES, styles }, MARK_STYLES)).toBe(false);
  });
});
