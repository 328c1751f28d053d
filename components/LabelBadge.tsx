import { i18n } from '#i18n';
import type { LabelLevel } from '~/lib/dataset/model';

/** A shape per level, so the level never rests on colour alone. */
const SYMBOL: Record<LabelLevel, string> = {
  gold: '★',
  silver: '◆',
  bronze: '●',
  none: '○',
  unknown: '◌',
};

export function labelName(level: LabelLevel): string {
  switch (level) {
    case 'gold':
      return i18n.t('label.gold');
    case 'silver':
      return i18n.t('label.silver');
    case 'bronze':
      return i18n.t('label.bronze');
    case 'none':
      return i18n.t('label.none');
    case 'unknown':
      return i18n.t('label.unknown');
  }
}

export function LabelBadge({ level }: { level: LabelLevel }) {
  return (
    <span class="cl-badge" data-level={level}>
      <span aria-hidden="true">{SYMBOL[level]}</span>
      {labelName(level)}
    </span>
  );
}
