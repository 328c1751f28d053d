import { i18n } from '#i18n';
import { render } from 'preact';
import '~/components/theme.css';
import './options.css';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('options.title');
render(<App />, document.getElementById('app')!);
