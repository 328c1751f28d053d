import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { countryName } from '~/lib/country-display';
import {
  COUNTRY_TILES,
  GRID_COLUMNS,
  GRID_ROWS,
  isPlaced,
  neighbour,
  SHADES,
  shadeOf,
  type CountryTile,
} from '~/lib/country-tiles';
import { collator, formatNumber } from '~/lib/intl-cache';
import { plural } from '~/utils/plural';

interface CountryMapProps {
  /** Organisations per country among the results (the country filter itself left out). */
  counts: ReadonlyMap<string, number>;
  selected: string | null;
  locale: string;
  /** A country chosen, or null when the chosen one is chosen again. */
  onSelect: (country: string | null) => void;
}

const ARROWS = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
} as const;

/**
 * A tile-grid map of Europe: a square per country in its rough place, shaded by how many of
 * the results are there. Countries outside the grid that have results follow in extra rows.
 * One tab stop; arrow keys move between the countries that can be chosen.
 */
export function CountryMap({ counts, selected, locale, onSelect }: CountryMapProps) {
  const elsewhere = [...counts.keys()]
    .filter((c) => !isPlaced(c))
    .sort((a, b) => collator(locale).compare(countryName(a, locale), countryName(b, locale)))
    .map((code, i) => ({
      code,
      col: i % GRID_COLUMNS,
      row: GRID_ROWS + Math.floor(i / GRID_COLUMNS),
    }));
  const tiles: CountryTile[] = [...COUNTRY_TILES, ...elsewhere];
  const max = Math.max(0, ...counts.values());
  const enabled = tiles.filter((t) => (counts.get(t.code) ?? 0) > 0 || t.code === selected);
  const [focused, setFocused] = useState<string | null>(null);
  const tabStop =
    enabled.find((t) => t.code === focused) ??
    enabled.find((t) => t.code === selected) ??
    enabled[0];

  const onKeyDown = (e: KeyboardEvent) => {
    const direction = ARROWS[e.key as keyof typeof ARROWS];
    const from = enabled.find((t) => t.code === (e.target as HTMLElement).dataset.country);
    if (!direction || !from) return;
    e.preventDefault();
    const to = neighbour(enabled, from, direction);
    if (!to) return;
    setFocused(to.code);
    (e.currentTarget as HTMLElement)
      .querySelector<HTMLButtonElement>(`[data-country="${to.code}"]`)
      ?.focus();
  };

  return (
    <div
      class="cl-map"
      role="group"
      aria-labelledby="cl-map-heading"
      aria-describedby="cl-map-hint"
    >
      <div class="cl-map__top">
        <p id="cl-map-heading" class="cl-map__heading">
          {i18n.t('search.mapHeading')}
        </p>
        <p class="cl-map__legend" aria-hidden="true">
          <span>{i18n.t('search.mapFewer')}</span>
          {Array.from({ length: SHADES }, (_, i) => (
            <span key={i} class="cl-map__swatch" data-shade={i + 1} />
          ))}
          <span>{i18n.t('search.mapMore')}</span>
        </p>
      </div>
      <div
        class="cl-map__grid"
        style={{
          gridTemplateColumns: `repeat(${GRID_COLUMNS}, 1fr)`,
        }}
        onKeyDown={onKeyDown}
      >
        {tiles.map((t) => {
          const count = counts.get(t.code) ?? 0;
          const name = countryName(t.code, locale);
          const isEnabled = count > 0 || t.code === selected;
          return (
            <button
              key={t.code}
              type="button"
              class="cl-map__tile"
              data-country={t.code}
              data-shade={shadeOf(count, max)}
              style={{ gridColumn: t.col + 1, gridRow: t.row + 1 }}
              title={name}
              aria-pressed={t.code === selected}
              disabled={!isEnabled}
              tabIndex={t === tabStop ? 0 : -1}
              onFocus={() => setFocused(t.code)}
              onClick={() => onSelect(t.code === selected ? null : t.code)}
            >
              <span class="cl-map__code" aria-hidden="true">
                {t.code}
              </span>
              {count > 0 && (
                <span class="cl-map__count" aria-hidden="true">
                  {formatNumber(count, locale)}
                </span>
              )}
              {/* The name read out, with the code and count shown, so a voice command can say them. */}
              <span class="cl-visually-hidden">
                {i18n.t('search.mapTile', [
                  name,
                  t.code,
                  plural('search.results', count, [formatNumber(count, locale)]),
                ])}
              </span>
            </button>
          );
        })}
      </div>
      <p id="cl-map-hint" class="cl-visually-hidden">
        {i18n.t('search.mapHint')}
      </p>
    </div>
  );
}
