import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminClub } from '../../lib/admin-api.ts';
import { Field } from './Field.tsx';
import { changedFields, fieldErrors } from './forms.ts';
import { OptionalTextInput } from './Inputs.tsx';
import { FormFooter } from './FormFooter.tsx';
import { adminApi } from './services.ts';
import { submitting, useAction } from './use-action.ts';

type Draft = Omit<AdminClub, 'id'>;
const NEW: Draft = {
  name: '',
  shortName: '',
  logoUrl: null,
  primaryColor: null,
  secondaryColor: null,
  homeGround: null,
};
const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** A colour as text (#1a2b3c, or empty for none) with the browser's picker beside it. */
function ColourField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={label}
      hint={t('admin.club.colourHint')}
      error={error}
      after={
        <input
          type="color"
          aria-label={t('admin.club.pick', { what: label })}
          value={value && COLOUR.test(value) ? value : '#ffffff'}
          onChange={(e) => onChange(e.target.value)}
        />
      }
    >
      <OptionalTextInput
        placeholder="#1a2b3c"
        pattern="#[0-9a-fA-F]{6}"
        maxLength={7}
        value={value}
        onChange={onChange}
      />
    </Field>
  );
}

/** Create or edit a club: the full name shown everywhere it fits, and a short name of at most five letters. */
export function ClubForm({
  club,
  onSaved,
  onCancel,
}: {
  club?: AdminClub;
  onSaved: (c: AdminClub) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const original: Draft = club ?? NEW;
  const [draft, setDraft] = useState(original);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useAction(async () => {
    const clean: Draft = { ...draft, name: draft.name.trim(), shortName: draft.shortName.trim() };
    if (club) {
      const body = changedFields(original, clean);
      if (Object.keys(body).length === 0) return t('admin.common.unchanged');
      onSaved((await adminApi.updateClub(club.id, body)).club);
    } else {
      onSaved((await adminApi.createClub(clean)).club);
    }
    return t('admin.common.saved');
  });
  const errors = fieldErrors(save.error);
  const submit = submitting(save);
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="club-form-title" data-testid="club-form">
      <h2 id="club-form-title">{club ? t('admin.club.editTitle', { name: club.name }) : t('admin.club.newTitle')}</h2>
      <div className="form-grid">
        <Field label={t('admin.club.name')} hint={t('admin.club.nameHint')} error={errors.name} className="wide">
          <input
            name="name"
            required
            maxLength={100}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
          />
        </Field>
        <Field label={t('admin.club.shortName')} hint={t('admin.club.shortNameHint')} error={errors.shortName}>
          <input
            name="shortName"
            required
            maxLength={5}
            className="narrow"
            value={draft.shortName}
            onChange={(e) => set('shortName', e.target.value)}
          />
        </Field>
        <Field label={t('admin.club.homeGround')} error={errors.homeGround} className="wide">
          <OptionalTextInput
            name="homeGround"
            maxLength={200}
            value={draft.homeGround}
            onChange={(v) => set('homeGround', v)}
          />
        </Field>
        <Field label={t('admin.club.logoUrl')} error={errors.logoUrl} className="wide">
          <OptionalTextInput
            name="logoUrl"
            type="url"
            maxLength={500}
            placeholder="https://"
            value={draft.logoUrl}
            onChange={(v) => set('logoUrl', v)}
          />
        </Field>
        <ColourField
          label={t('admin.club.primaryColor')}
          value={draft.primaryColor}
          onChange={(v) => set('primaryColor', v)}
          error={errors.primaryColor}
        />
        <ColourField
          label={t('admin.club.secondaryColor')}
          value={draft.secondaryColor}
          onChange={(v) => set('secondaryColor', v)}
          error={errors.secondaryColor}
        />
      </div>
      <FormFooter
        action={save}
        submitLabel={club ? t('admin.common.save') : t('admin.common.create')}
        busyLabel={t('admin.common.saving')}
        testId="club-save"
        onCancel={onCancel}
      />
    </form>
  );
}
