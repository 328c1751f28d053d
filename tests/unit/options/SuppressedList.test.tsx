import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { SuppressedList } from '~/components/SuppressedList';

const names: Record<string, string> = { valorial: 'Valorial', 'cap-digital': 'Cap Digital' };

function itemTexts(suppressed: { site: string; alias: string; id: string }[]): string[] {
  const root = document.createElement('div');
  render(
    <SuppressedList suppressed={suppressed} nameOf={(id) => names[id]} onRemove={() => {}} />,
    root,
  );
  return [...root.querySelectorAll('ul.suppressed li span')].map((s) => s.textContent ?? '');
}

describe('SuppressedList', () => {
  it('names the organisation only when the hidden text differs from its name', () => {
    expect(
      itemTexts([
        { site: '127.0.0.1', alias: 'Valorial', id: 'valorial' },
        { site: 'example.org', alias: 'VALORIAL', id: 'valorial' },
        { site: 'example.org', alias: 'Cap', id: 'cap-digital' },
      ]),
    ).toEqual([
      '“Valorial” on 127.0.0.1',
      '“VALORIAL” on example.org',
      '“Cap” on example.org (not Cap Digital)',
    ]);
  });
});
