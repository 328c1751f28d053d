import { i18n } from '#i18n';
import { render } from 'preact';
import { messagesLocale } from '~/utils/locale';
import '~/components/theme.css';
import './options.css';
import { App } from './App';

// The language of the text shown, which may differ from the browser's (see messagesLocale).
document.documentElement.lang = messagesLocale();
document.title = i18n.t('options.title');
render(<App />, document.getElementById('app')!);
