import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { LabelBadge } from '~/components/LabelBadge';

describe('LabelBadge', () => {
  it('names the level in words, with a shape per level so colour is never the only cue', () => {
    const root = document.createElement('div');
    render(
      <>
        <LabelBadge level="gold" />
        <LabelBadge level="bronze" />
        <LabelBadge level="unknown" />
      </>,
      root,
    );
    const badges = [...root.querySelectorAll('.cl-badge')];
    expect(badges.map((b) => b.textContent)).toEqual(['★Gold', '●Bronze', '◌Label not known']);
    expect(badges.map((b) => b.getAttribute('data-level'))).toEqual(['gold', 'bronze', 'unknown']);
    expect(badges[0]?.querySelector('[aria-hidden="true"]')?.textContent).toBe('★');
  });
});
