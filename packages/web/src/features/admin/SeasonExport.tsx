import { useTranslation } from 'react-i18next';
import { ServerError } from './ServerError.tsx';
import { adminApi } from './services.ts';
import { useAction } from './use-action.ts';

/**
 * The season's downloads (decision 033). Fetched with the session's token in the header, since a plain link would
 * need it in the URL, then handed to the browser as a file.
 */
export function SeasonExport({ seasonId }: { seasonId: string }) {
  const { t } = useTranslation();
  const download = useAction(async (format: 'zip' | 'json') => {
    const url = URL.createObjectURL(await adminApi.exportSeason(seasonId, format));
    const link = document.createElement('a');
    link.href = url;
    link.download = `touchline-season-${seasonId}.${format}`;
    link.click();
    // The download has started from the click; the blob's memory can go once it has.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return (
    <section className="card" data-testid="season-export">
      <h2>{t('admin.export.title')}</h2>
      <p className="muted">{t('admin.export.hint')}</p>
      <div className="button-row">
        {(['zip', 'json'] as const).map((format) => (
          <button
            key={format}
            type="button"
            disabled={download.busy}
            onClick={() => void download.run(format)}
            data-testid={`season-export-${format}`}
          >
            {t(`admin.export.${format}`)}
          </button>
        ))}
      </div>
      {download.error && <ServerError error={download.error} />}
    </section>
  );
}
