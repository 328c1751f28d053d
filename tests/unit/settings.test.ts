import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '~/lib/settings';
import { loadSettings, settingsItem } from '~/utils/settings';

describe('readSettings', () => {
  it('falls back to defaults for missing, broken or foreign values', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('yes')).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ enabled: 'no' })).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps a valid stored value', () => {
    expect(readSettings({ enabled: false })).toEqual({ enabled: false });
  });
});

describe('settings in storage.sync', () => {
  it('reads the defaults before anything is stored, then what was saved', async () => {
    expect(await loadSettings()).toEqual({ enabled: true });
    await settingsItem.setValue({ enabled: false });
    expect(await loadSettings()).toEqual({ enabled: false });
    expect(await browser.storage.sync.get('settings')).toEqual({ settings: { enabled: false } });
  });
});
