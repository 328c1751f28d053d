import { render } from 'preact';
import '~/components/theme.css';
import '~/components/cluster-details.css';
import './popup.css';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
