import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Puts the fake browser's UI in `ui` with the real messages of `messages` (by default the UI's
 * language; another one imitates Chrome falling back to a language we have). Substitutes
 * `$1`…`$9` as Chrome does, and throws for a message that does not exist.
 */
export async function inLanguage(ui: string, messages = ui.split('-')[0]!): Promise<void> {
  const chrome = generateChromeMessages(await parseMessagesFile(`locales/${messages}.yml`));
  fakeBrowser.i18n.getUILanguage = () => ui;
  fakeBrowser.i18n.getMessage = (name: string, substitutions?: string | string[]) => {
    const subs = substitutions === undefined ? [] : [substitutions].flat();
    const message = chrome[name]?.message;
    if (message === undefined) throw new Error(`No message ${name} in ${messages}.yml`);
    return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}
