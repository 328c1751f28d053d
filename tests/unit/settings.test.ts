import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '~/lib/settings';
import { loadSettings, settingsItem } from '~/utils/settings';

describe('readSettings', () => {
  it('falls back to defaults for missing, broken or foreign values', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('yes')).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ enabled: 'no' })).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid fields and replaces only the damaged ones', () => {
    expect(readSettings({ enabled: false, hoverDelayMs: 'soon', siteMode: 'only-listed' })).toEqual(
      {
        ...DEFAULT_SETTINGS,
        enabled: false,
        siteMode: 'only-listed',
      },
    );
  });
});

describe('settings in storage.sync', () => {
  it('reads the defaults before anything is stored, then what was saved', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, enabled: false });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(await browser.storage.sync.get('settings')).toEqual({
      settings: { ...DEFAULT_SETTINGS, enabled: false },
    });
  });

  it('migrates version 1 settings, keeping what the user chose', async () => {
    await browser.storage.sync.set({ settings: { enabled: false }, settings$: { v: 1 } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });
});

describe('default mark styles', () => {
  it('give every category its own underline shape, so no level rests on colour alone', () => {
    const shapes = Object.values(DEFAULT_SETTINGS.styles).map((s) => s.underline);
    expect(new Set(shapes).size).toBe(shapes.length);
  });
});
