import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvRowErrors } from '@touchline/contract';
import type { LabelledSeason } from './context.ts';
import { Field } from './Field.tsx';
import { csvRowErrors } from './forms.ts';
import { FormFooter } from './FormFooter.tsx';
import { Options } from './Options.tsx';
import { adminApi } from './services.ts';
import { submitting, useAction } from './use-action.ts';

const TEMPLATE = 'firstName,lastName,club,shirtNumber,position,birthDate\nИван,Петров,ОЛИ,9,FW,2001-04-12\n';

/**
 * Players from a CSV file, all or nothing: when the server refuses the file, every bad row is listed with its
 * problems, and nothing has been imported.
 */
export function CsvImport({
  seasons,
  onImported,
  onCancel,
}: {
  seasons: LabelledSeason[];
  onImported: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [seasonId, setSeasonId] = useState('');
  const upload = useAction(async () => {
    if (!file) return;
    const out = await adminApi.importPlayers(await file.text(), seasonId || undefined);
    onImported();
    return t('admin.csv.done', { count: out.imported });
  });
  const rows = csvRowErrors(upload.error);
  const submit = submitting(upload);
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="csv-title" data-testid="csv-import">
      <h2 id="csv-title">{t('admin.csv.title')}</h2>
      <p className="muted">{t('admin.csv.columns')}</p>
      <p>
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`} download="players.csv">
          {t('admin.csv.template')}
        </a>
      </p>
      <div className="form-grid">
        <Field label={t('admin.csv.file')} className="wide">
          <input
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              upload.reset();
            }}
          />
        </Field>
        <Field label={t('admin.csv.season')} hint={t('admin.csv.seasonHint')} className="wide">
          <select value={seasonId} onChange={(e) => setSeasonId(e.target.value)}>
            <Options items={seasons} text={(s) => s.label} blank={t('admin.csv.noSeason')} />
          </select>
        </Field>
      </div>
      <FormFooter
        action={upload}
        submitLabel={t('admin.csv.submit')}
        busyLabel={t('admin.common.saving')}
        disabled={!file}
        onCancel={onCancel}
        details={rows.length > 0 && <CsvReport rows={rows} />}
      />
    </form>
  );
}

/** The rows of a refused file, each with all its problems. */
function CsvReport({ rows }: CsvRowErrors) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="admin-table csv-report" data-testid="csv-report">
        <caption>{t('admin.csv.report', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.csv.row')}</th>
            <th scope="col">{t('admin.csv.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-row={r.row}>
              <th scope="row">{r.row}</th>
              <td>
                <ul className="plain-list">
                  {r.errors.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
