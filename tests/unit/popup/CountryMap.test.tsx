import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { CountryMap } from '~/components/popup/CountryMap';
import { COUNTRY_TILES, neighbour, shadeOf } from '~/lib/country-tiles';

describe('the country tiles', () => {
  it('places each country once, on its own square', () => {
    const codes = COUNTRY_TILES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    const squares = COUNTRY_TILES.map((t) => `${t.col},${t.row}`);
    expect(new Set(squares).size).toBe(squares.length);
    // Rough places: north above south, west left of east.
    const at = (c: string) => COUNTRY_TILES.find((t) => t.code === c)!;
    expect(at('NO').row).toBeLessThan(at('IT').row);
    expect(at('PT').col).toBeLessThan(at('PL').col);
  });

  it('shades more organisations darker, none not at all', () => {
    expect(shadeOf(0, 150)).toBe(0);
    const shades = [1, 3, 10, 40, 150].map((n) => shadeOf(n, 150));
    expect(shades).toEqual([...shades].sort((a, b) => a - b));
    expect(shades[0]).toBe(1);
    expect(shades.at(-1)).toBe(4);
  });

  it('moves by arrow key to the nearest country in that direction', () => {
    const at = (c: string) => COUNTRY_TILES.find((t) => t.code === c)!;
    expect(neighbour(COUNTRY_TILES, at('DE'), 'right')?.code).toBe('PL');
    expect(neighbour(COUNTRY_TILES, at('DE'), 'up')?.code).toBe('DK');
    expect(neighbour(COUNTRY_TILES, at('IS'), 'left')).toBeNull();
  });
});

describe('CountryMap', () => {
  async function mount(selected: string | null = null) {
    const root = document.createElement('div');
    document.body.append(root);
    const onSelect = vi.fn();
    const counts = new Map([
      ['DE', 37],
      ['FR', 1],
      ['PL', 5],
      ['US', 2],
    ]);
    await act(() =>
      render(
        <CountryMap counts={counts} selected={selected} locale="en" onSelect={onSelect} />,
        root,
      ),
    );
    const tile = (code: string) =>
      root.querySelector<HTMLButtonElement>(`[data-country="${code}"]`)!;
    return { root, onSelect, tile };
  }

  it('names each country and its count, and filters by a click', async () => {
    const { tile, onSelect, root } = await mount();
    expect(tile('DE').textContent).toBe('DE37Germany (DE): 37 organisations');
    expect(tile('FR').querySelector('.cl-visually-hidden')?.textContent).toBe(
      'France (FR): 1 organisation',
    );
    expect(tile('IT').disabled).toBe(true);
    // A country off the grid still has a square, after the others.
    expect(tile('US').querySelector('.cl-visually-hidden')?.textContent).toBe(
      'United States (US): 2 organisations',
    );
    tile('DE').click();
    expect(onSelect).toHaveBeenCalledWith('DE');
    expect(root.querySelector('[role="group"]')?.getAttribute('aria-labelledby')).toBe(
      'cl-map-heading',
    );
    root.remove();
  });

  it('clears the filter when the chosen country is chosen again', async () => {
    const { tile, onSelect, root } = await mount('PL');
    expect(tile('PL').getAttribute('aria-pressed')).toBe('true');
    expect(tile('PL').tabIndex).toBe(0);
    expect(tile('DE').tabIndex).toBe(-1);
    tile('PL').click();
    expect(onSelect).toHaveBeenCalledWith(null);
    root.remove();
  });

  it('is one tab stop; arrow keys move between countries with organisations', async () => {
    const { tile, root } = await mount('DE');
    tile('DE').focus();
    await act(() => {
      tile('DE').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(document.activeElement).toBe(tile('PL'));
    expect(tile('PL').tabIndex).toBe(0);
    await act(() => {
      tile('PL').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    });
    expect(document.activeElement).toBe(tile('DE'));
    root.remove();
  });
});
