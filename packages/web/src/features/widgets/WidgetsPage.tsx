import { useTranslation } from 'react-i18next';
import { WidgetBuilder } from './WidgetBuilder.tsx';

/** The public builder, linked from club and season pages ("Embed on your site"). */
export default function WidgetsPage() {
  const { t } = useTranslation();
  return (
    <article aria-labelledby="widgets-title">
      <h1 id="widgets-title">{t('widgets.title')}</h1>
      <WidgetBuilder />
    </article>
  );
}
