const language = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

/**
 * The locale of the messages shown, for their plural rules and for every number, date and
 * country name among them. That is the UI language, unless the browser shows another
 * language's messages: it falls back to English for a language we lack (a Portuguese browser
 * gets English text, which must not follow Portuguese plural rules), and headless Chromium
 * started with `--lang=pl` shows the Polish messages yet reports `en-US` as its UI language.
 * Each messages file names its language in its `locale` message.
 */
export function messagesLocale(): string {
  const ui = browser.i18n.getUILanguage();
  const messages = browser.i18n.getMessage('locale');
  return messages === '' || language(messages) === language(ui) ? ui : messages;
}

/** The UI language, for dates and numbers formatted with Intl: the language of the messages. */
export function uiLocale(): string {
  return messagesLocale();
}
