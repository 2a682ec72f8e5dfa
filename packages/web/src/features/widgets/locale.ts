import { getI18n } from 'react-i18next';
import { WIDGET_TEXTS } from './locales.ts';

// The builder's words travel with its own chunk, as the admin screens' do.
const i18n = getI18n();
i18n.addResourceBundle('en', 'translation', { widgets: WIDGET_TEXTS.en }, true, true);
i18n.addResourceBundle('ru', 'translation', { widgets: WIDGET_TEXTS.ru }, true, true);
