import { i18n } from '#i18n';
import { useEffect, useId, useState } from 'preact/hooks';
import { UNDERLINE_STYLES, type MarkCategory, type MarkStyle } from '~/lib/settings';

export function categoryName(category: MarkCategory): string {
  switch (category) {
    case 'gold':
      return i18n.t('options.marks.category.gold');
    case 'silver':
      return i18n.t('options.marks.category.silver');
    case 'bronze':
      return i18n.t('options.marks.category.bronze');
    case 'expired':
      return i18n.t('options.marks.category.expired');
    case 'unlabelled':
      return i18n.t('options.marks.category.unlabelled');
  }
}

export function underlineName(style: MarkStyle['underline']): string {
  switch (style) {
    case 'solid':
      return i18n.t('options.marks.underlineStyle.solid');
    case 'double':
      return i18n.t('options.marks.underlineStyle.double');
    case 'dotted':
      return i18n.t('options.marks.underlineStyle.dotted');
    case 'dashed':
      return i18n.t('options.marks.underlineStyle.dashed');
    case 'wavy':
      return i18n.t('options.marks.underlineStyle.wavy');
  }
}

/** The same decoration the content script gives a mark (entrypoints/content/highlighter.ts). */
export function markPreviewStyle(style: MarkStyle) {
  return {
    textDecoration: `underline ${style.underline} ${style.color}`,
    textDecorationThickness: '2px',
    textUnderlineOffset: '3px',
  };
}

export interface MarkStyleEditorProps {
  category: MarkCategory;
  shown: boolean;
  style: MarkStyle;
  onShownChange: (shown: boolean) => void;
  onStyleChange: (style: MarkStyle) => void;
}

/** Whether one kind of mark is shown, and its underline and colour, with a live preview. */
export function MarkStyleEditor({
  category,
  shown,
  style,
  onShownChange,
  onStyleChange,
}: MarkStyleEditorProps) {
  const id = useId();
  // The colour picker reports every step of a drag: the preview follows each, storage gets
  // the colour picked (sync storage allows 120 writes a minute).
  const [draftColor, setDraftColor] = useState(style.color);
  useEffect(() => setDraftColor(style.color), [style.color]);
  const previewed = { ...style, color: draftColor };
  const name = categoryName(category);

  return (
    <fieldset class="mark-style" data-category={category}>
      <legend>{name}</legend>
      <label class="choice">
        <input
          type="checkbox"
          checked={shown}
          onChange={(e) => onShownChange(e.currentTarget.checked)}
        />{' '}
        {i18n.t('options.marks.show')}
      </label>
      <div class="style-controls">
        <label for={`${id}-underline`}>{i18n.t('options.marks.underline')}</label>
        <select
          id={`${id}-underline`}
          value={style.underline}
          onChange={(e) =>
            onStyleChange({ ...style, underline: e.currentTarget.value as MarkStyle['underline'] })
          }
        >
          {UNDERLINE_STYLES.map((u) => (
            <option key={u} value={u}>
              {underlineName(u)}
            </option>
          ))}
        </select>
        <label for={`${id}-color`}>{i18n.t('options.marks.color')}</label>
        <input
          id={`${id}-color`}
          type="color"
          value={draftColor}
          onInput={(e) => setDraftColor(e.currentTarget.value)}
          onChange={(e) => onStyleChange({ ...style, color: e.currentTarget.value.toLowerCase() })}
        />
        <span class="mark-preview" aria-hidden="true">
          <span style={markPreviewStyle(previewed)} class={shown ? undefined : 'off'}>
            {i18n.t('options.marks.previewText')}
          </span>
        </span>
      </div>
    </fieldset>
  );
}
