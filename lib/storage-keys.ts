/**
 * Where things are kept in the browser's storage. The options page, popup and background use
 * them through @wxt-dev/storage items (utils/); the content script, which every frame loads,
 * reads these keys directly, so it carries no storage library.
 */
export const STORAGE_KEYS = {
  /** storage.sync: the user's settings (lib/settings.ts). */
  settings: 'settings',
  /** storage.local: the background's copy of the administrator's policy. */
  managedPolicy: 'managedPolicy',
  /** storage.local: a dataset the user imported, or nothing (the bundle is active). */
  importedDataset: 'importedDataset',
} as const;
