import { i18n } from '#i18n';
import type { Settings } from '~/lib/settings';

type Suppressed = Settings['suppressed'][number];

export interface SuppressedListProps {
  suppressed: readonly Suppressed[];
  /** Display name of an organisation id, when the active dataset knows it. */
  nameOf: (id: string) => string | undefined;
  onRemove: (entry: Suppressed) => void;
}

/** "“Valorial” on example.org (not Valorial)" says the name twice; case alone is no difference. */
function sameName(alias: string, name: string): boolean {
  return alias.toLocaleLowerCase() === name.toLocaleLowerCase();
}

/** The names the user said are "Not this organisation" on a site, each with a way back. */
export function SuppressedList({ suppressed, nameOf, onRemove }: SuppressedListProps) {
  if (suppressed.length === 0) return null;
  return (
    <fieldset>
      <legend>{i18n.t('options.suppressed.legend')}</legend>
      <p class="help">{i18n.t('options.suppressed.help')}</p>
      <ul class="suppressed">
        {suppressed.map((entry) => {
          const organisation = nameOf(entry.id) ?? entry.id;
          return (
            <li key={`${entry.site}\u0000${entry.alias}\u0000${entry.id}`}>
              <span>
                {sameName(entry.alias, organisation)
                  ? i18n.t('options.suppressed.itemSameName', [entry.alias, entry.site])
                  : i18n.t('options.suppressed.item', [entry.alias, entry.site, organisation])}
              </span>
              <button
                type="button"
                class="small"
                aria-label={i18n.t('options.suppressed.remove', [entry.alias, entry.site])}
                onClick={() => onRemove(entry)}
              >
                {i18n.t('options.suppressed.removeShort')}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
