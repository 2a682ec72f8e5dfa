import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, setLanguage, type Language } from '../lib/i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('nav.language')}>
      {LANGUAGES.map((lang: Language) => (
        <button
          key={lang}
          type="button"
          aria-pressed={i18n.language === lang}
          onClick={() => setLanguage(lang)}
          lang={lang}
        >
          {/* The name starts with what is shown, so "RU" works for voice control, and says the language in full. */}
          {lang.toUpperCase()}
          <span className="visually-hidden"> {LANGUAGE_NAMES[lang]}</span>
        </button>
      ))}
    </div>
  );
}
