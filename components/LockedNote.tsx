import { i18n } from '#i18n';

/** Says why a control is disabled: an administrator's policy has set it. */
export function LockedNote({ id }: { id: string }) {
  return (
    <p class="locked-note" id={id}>
      <span aria-hidden="true">🔒 </span>
      {i18n.t('options.lockedByPolicy')}
    </p>
  );
}
