import { useState, type FormEvent } from 'react';
import {
  ComplianceConfigUpdateInput,
  MAX_RUN_INTERVAL_MINUTES,
  type ComplianceConfigT,
} from '../../../../../server/admin-api/contract-compliance';
import { fieldErrorsFromServer, fieldErrorsFromZod } from '../../../api/field-errors';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { useFormValues } from '../../../components/ui/use-form-values';
import { formatDateTime } from '../../../components/ui/format';
import { useUpdateComplianceConfig } from '../api/update-compliance-config';

const SERVER_CODE_FIELDS = { ERR_COMPLIANCE_ADAPTER_INVALID: 'customModule' } as const;

type Values = Omit<ComplianceConfigT, 'updatedAt' | 'updatedBy' | 'runIntervalMinutes' | 'retentionHours'> & {
  runIntervalMinutes: string;
  retentionHours: string;
};

function toValues(c: ComplianceConfigT): Values {
  const { updatedAt: _a, updatedBy: _b, ...rest } = c;
  return { ...rest, runIntervalMinutes: String(c.runIntervalMinutes), retentionHours: String(c.retentionHours) };
}

const ADAPTERS = [
  ['xml', 'Lync XML (XmlAdapter format)'],
  ['csv', 'CSV'],
  ['jsonl', 'JSON Lines'],
  ['custom', 'Custom module'],
] as const;

export function ComplianceConfigForm({ config }: { config: ComplianceConfigT }) {
  const { values, set: setValue, setValues, errors, setErrors } = useFormValues<Values>(() => toValues(config));
  const [saved, setSaved] = useState(false);
  const update = useUpdateComplianceConfig();

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValue(key, value);
    setSaved(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
    const parsed = ComplianceConfigUpdateInput.safeParse({
      ...values,
      runIntervalMinutes: number(values.runIntervalMinutes),
      retentionHours: number(values.retentionHours),
      customModule: values.adapter === 'custom' ? values.customModule : values.customModule || undefined,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    try {
      const next = await update.mutateAsync(parsed.data);
      setValues(toValues(next));
      setSaved(true);
    } catch (error) {
      setErrors(fieldErrorsFromServer(error, SERVER_CODE_FIELDS));
    }
  }

  return (
    <section className="panel" aria-labelledby="compliance-config-title">
      <h2 id="compliance-config-title" className="panel__title">
        Configuration
      </h2>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label="Compliance configuration">
        <CheckboxField
          label="Compliance enabled"
          hint="Process the queue every RunInterval and write the archive."
          checked={values.enabled}
          onChange={(checked) => set('enabled', checked)}
        />
        <Field label="Adapter" error={errors.adapter}>
          {(control) => (
            <select
              {...control}
              value={values.adapter}
              onChange={(event) => set('adapter', event.target.value as Values['adapter'])}
            >
              {ADAPTERS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {values.adapter === 'custom' ? (
          <Field
            label="Custom module"
            error={errors.customModule}
            hint="Absolute path of an ES module; see docs/compliance-adapters.md."
          >
            {(control) => (
              <input
                {...control}
                value={values.customModule}
                onChange={(event) => set('customModule', event.target.value)}
              />
            )}
          </Field>
        ) : null}
        <Field
          label="Output directory"
          error={errors.outputDir}
          hint="Absolute path; empty = <data directory>/compliance."
        >
          {(control) => (
            <input {...control} value={values.outputDir} onChange={(event) => set('outputDir', event.target.value)} />
          )}
        </Field>
        <Field
          label="Run interval (minutes)"
          error={errors.runIntervalMinutes}
          hint={`1 minute to 30 days (${MAX_RUN_INTERVAL_MINUTES} minutes). Default 15.`}
        >
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={values.runIntervalMinutes}
              onChange={(event) => set('runIntervalMinutes', event.target.value)}
            />
          )}
        </Field>
        <Field label="Keep delivered events (hours)" error={errors.retentionHours} hint="Browsable here until purged.">
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={values.retentionHours}
              onChange={(event) => set('retentionHours', event.target.value)}
            />
          )}
        </Field>
        <fieldset className="fieldset">
          <legend>Output options</legend>
          <CheckboxField
            label="One chat room per output file"
            checked={values.oneChatRoomPerOutputFile}
            onChange={(checked) => set('oneChatRoomPerOutputFile', checked)}
          />
          <CheckboxField
            label="Add chat room details"
            checked={values.addChatRoomDetails}
            onChange={(checked) => set('addChatRoomDetails', checked)}
          />
          <CheckboxField
            label="Add user details"
            checked={values.addUserDetails}
            onChange={(checked) => set('addUserDetails', checked)}
          />
          <CheckboxField
            label="Create file attachments manifest"
            hint="Writes .ATTACH files and copies transferred files."
            checked={values.createFileAttachmentsManifest}
            onChange={(checked) => set('createFileAttachmentsManifest', checked)}
          />
        </fieldset>
        {errors._form ? <ErrorBanner message={errors._form} /> : null}
        <div className="form__actions">
          {saved ? (
            <span role="status" className="muted">
              Saved{config.updatedAt ? ` · ${formatDateTime(config.updatedAt)}` : ''}
            </span>
          ) : null}
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save configuration'}
          </button>
        </div>
      </form>
    </section>
  );
}
