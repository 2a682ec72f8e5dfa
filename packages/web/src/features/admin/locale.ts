import { getI18n } from 'react-i18next';
import { en } from './locales/en.ts';
import { ru } from './locales/ru.ts';

// The admin screens' words travel with their own chunk: a fan's first load does not carry the league office's forms.
const i18n = getI18n();
i18n.addResourceBundle('en', 'translation', { admin: en }, true, true);
i18n.addResourceBundle('ru', 'translation', { admin: ru }, true, true);
