import { i18n } from '#i18n';
import { render } from 'preact';
import { messagesLocale } from '~/utils/locale';
import '~/components/theme.css';
import './welcome.css';
import { WelcomeApp } from './WelcomeApp';
import { startSampleLens } from './sample-lens';

// The language of the text shown, which may differ from the browser's (see messagesLocale).
document.documentElement.lang = messagesLocale();
document.title = i18n.t('welcome.title');
render(<WelcomeApp />, document.getElementById('app')!);
// The sample paragraph is in the document now: marked as any page would be.
startSampleLens();
