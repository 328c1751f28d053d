import { render } from 'preact';
import { messagesLocale } from '~/utils/locale';
import '~/components/theme.css';
import '~/components/cluster-details.css';
import '~/components/country-flag.css';
import './popup.css';
import { App } from './App';

// The language of the text shown, which may differ from the browser's (see messagesLocale).
document.documentElement.lang = messagesLocale();
render(<App />, document.getElementById('app')!);
