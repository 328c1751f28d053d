import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The fake browser has no i18n; give it the real English messages, with Chrome's `$1`…`$9`
 * substitutions, so components render the text users see.
 */
const chromeMessages = generateChromeMessages(await parseMessagesFile('locales/en.yml'));
const messages = new Map(Object.entries(chromeMessages).map(([name, m]) => [name, m.message]));

function getMessage(name: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const message = messages.get(name);
  if (message === undefined) return '';
  return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
});
