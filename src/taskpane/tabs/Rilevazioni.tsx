import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Divider,
  Field,
  Input,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Radio,
  RadioGroup,
  Switch,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
// the calendar of Fluent's date picker (@fluentui/react-calendar-compat): a plain text field keeps
// exactly what was typed, so an impossible date stays visible beside the core's message
import { Calendar, DayOfWeek, defaultCalendarStrings, type CalendarStrings } from '@fluentui/react-calendar-compat';
import { CalendarLtr20Regular } from '@fluentui/react-icons';
import { formatDateIt, formatNumberIt, utcDate } from '../../domain/grid';
import { ruleKindLabel } from '../../domain/graduazione';
import type { Rule } from '../../domain/graduazione/types';
import { azioniDi, refKey, type AzioneRef } from '../../domain/calcolo/azioni';
import { findRilevazioni, preparaRilevazioniDettagli, readRilevazioni } from '../../domain/calcolo/rilevazioni';
import { UI } from '../../domain/testi/ui';
import { Notice } from '../ErrorBar';
import {
  checkEntry,
  entryFromRow,
  findRow,
  measureField,
  parseDateIt,
  scritturePerRighe,
  type Entry,
  type EntryCheck,
  attesoShown,
  needsTarget,
} from '../rilevazioniForm';
import { TESTI_GRADUAZIONE as TG } from '../../domain/testi/graduazione';
import { SchedaPicker, useSchedaChoice } from './SchedaPicker';
import { useKeptNotice } from '../kept';
import { schedaKey } from '../model';
import { useTabStyles, type TabProps } from './Panoramica';

const useStyles = makeStyles({
  azioneText: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  small: { color: tokens.colorNeutralForeground3 },
  full: { width: '100%', minWidth: 0 },
});

const IT_STRINGS: CalendarStrings = {
  ...defaultCalendarStrings,
  months: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  shortMonths: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  days: ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
  shortDays: ['D', 'L', 'M', 'M', 'G', 'V', 'S'],
  goToToday: 'Oggi',
  prevMonthAriaLabel: 'Mese precedente',
  nextMonthAriaLabel: 'Mese successivo',
  prevYearAriaLabel: 'Anno precedente',
  nextYearAriaLabel: 'Anno successivo',
  closeButtonAriaLabel: 'Chiudi',
  dayMarkedAriaLabel: 'segnato',
  monthPickerHeaderAriaLabel: '{0}, seleziona per cambiare l\'anno',
  yearPickerHeaderAriaLabel: '{0}, seleziona per cambiare il mese',
  selectedDateFormatString: 'Data selezionata {0}',
};

const toLocal = (d: Date) => new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
const fromLocal = (d: Date) => utcDate(d.getFullYear(), d.getMonth() + 1, d.getDate());

/** a dd/mm/yyyy text field with a calendar button: the text is what the form holds */
function DateField({ value, scadenza, onChange }: { value: string; scadenza?: Date | null; onChange(text: string): void }) {
  const [open, setOpen] = useState(false);
  const d = parseDateIt(value);
  // an empty field opens on the deadline's month (the dates typed are near it), marked in the calendar; the
  // calendar has no other way to start on a month than its "today", so "go to today" is hidden then
  const start = !d && scadenza ? toLocal(scadenza) : undefined;
  return (
    <Input
      value={value}
      placeholder={UI.rilevazioni.dataPlaceholder}
      onChange={(_, v) => onChange(v.value)}
      data-testid="campo-data"
      contentAfter={
        <Popover open={open} onOpenChange={(_, v) => setOpen(v.open)} trapFocus positioning="below-end">
          <PopoverTrigger disableButtonEnhancement>
            <Button
              appearance="transparent"
              size="small"
              icon={<CalendarLtr20Regular />}
              aria-label={UI.rilevazioni.apriCalendario}
              title={UI.rilevazioni.apriCalendario}
              data-testid="apri-calendario"
            />
          </PopoverTrigger>
          <PopoverSurface aria-label={UI.rilevazioni.calendario}>
            <Calendar
              value={d ? toLocal(d) : undefined}
              strings={IT_STRINGS}
              firstDayOfWeek={DayOfWeek.Monday}
              showMonthPickerAsOverlay
              showGoToToday={!start}
              {...(start ? { today: start } : {})}
              onSelectDate={(date) => {
                onChange(formatDateIt(fromLocal(date)));
                setOpen(false);
              }}
            />
          </PopoverSurface>
        </Popover>
      }
    />
  );
}

interface ActionFormProps {
  r: AzioneRef;
  entry: Entry;
  errors: EntryCheck['errors'];
  hasRow: boolean;
  onChange(e: Entry): void;
  /** focus left the action: check its fields with the core (messages at once, not only on writing) */
  onLeave(): void;
}

function ActionForm({ r, entry, errors, hasRow, onChange, onLeave }: ActionFormProps) {
  const styles = useStyles();
  const tab = useTabStyles();
  const rule: Rule = r.rule;
  const field = measureField(rule.kind);
  const set = (patch: Partial<Entry>) => onChange({ ...entry, ...patch });
  const label = `${UI.calcola.azione(r.n)}`;
  const peso = r.azione.peso?.points;
  return (
    <div
      className={tab.box}
      role="group"
      aria-label={label}
      data-testid="azione-form"
      data-n={r.n}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onLeave();
      }}
    >
      <Text weight="semibold">
        {label}
        {peso !== null && peso !== undefined ? ` · ${UI.rilevazioni.peso(formatNumberIt(peso))}` : ''}
      </Text>
      <Text size={200} className={styles.azioneText} title={r.azione.azione?.value}>
        {r.azione.azione?.value ?? ''}
      </Text>
      <Text size={200} className={`${styles.small} ${styles.azioneText}`} title={r.azione.graduazione?.value}>
        {UI.rilevazioni.regola(ruleKindLabel(rule.kind).toLowerCase(), r.azione.graduazione?.value?.trim() ?? '')}
        {rule.reference?.date ? ` · ${UI.rilevazioni.scadenza(formatDateIt(rule.reference.date))}` : ''}
      </Text>
      {!hasRow && <Notice intent="warning">{UI.rilevazioni.rigaMancante}</Notice>}
      {hasRow && field === 'data' && (
        <Field
          label={UI.rilevazioni.dataCompletamento}
          hint={UI.rilevazioni.dataAiuto}
          validationMessage={errors.data}
          validationState={errors.data ? 'error' : 'none'}
        >
          <DateField value={entry.data} scadenza={rule.reference?.date} onChange={(data) => set({ data })} />
        </Field>
      )}
      {hasRow && field === 'valore' && (
        <Field
          label={rule.kind === 'percentuale' ? UI.rilevazioni.valorePct : UI.rilevazioni.valore}
          validationMessage={errors.valore}
          validationState={errors.valore ? 'error' : 'none'}
        >
          <Input
            className={styles.full}
            inputMode="decimal"
            value={entry.valore}
            contentAfter={rule.kind === 'percentuale' ? <Text>%</Text> : rule.unit ? <Text>{rule.unit}</Text> : undefined}
            onChange={(_, d) => set({ valore: d.value })}
            data-testid="campo-valore"
          />
        </Field>
      )}
      {hasRow && field === 'valore' && attesoShown(rule) && (
        <Text size={200} className={styles.small} data-testid="atteso-mostrato">
          {attesoShown(rule)}
        </Text>
      )}
      {hasRow && field === 'valore' && needsTarget(rule) && (
        <Field
          label={TG.modTarget}
          hint={TG.modTargetAiuto}
          validationMessage={errors.target}
          validationState={errors.target ? 'error' : 'none'}
        >
          <Input
            className={styles.full}
            inputMode="decimal"
            value={entry.target ?? ''}
            onChange={(_, d) => set({ target: d.value })}
            data-testid="campo-target"
          />
        </Field>
      )}
      {hasRow && field === 'siNo' && (
        <Field label={UI.rilevazioni.siNo} validationMessage={errors.siNo} validationState={errors.siNo ? 'error' : 'none'}>
          <RadioGroup layout="horizontal" value={entry.siNo} onChange={(_, d) => set({ siNo: d.value as Entry['siNo'] })}>
            <Radio value="si" label={UI.rilevazioni.si} />
            <Radio value="no" label={UI.rilevazioni.no} />
            <Radio value="" label={UI.rilevazioni.nonIndicato} />
          </RadioGroup>
        </Field>
      )}
      {hasRow && rule.kind !== 'manuale' && (
        <Switch
          label={UI.rilevazioni.manualeSwitch}
          checked={entry.manuale}
          onChange={(_, d) => set({ manuale: d.checked })}
          data-testid="campo-manuale-switch"
        />
      )}
      {hasRow && entry.manuale && (
        <>
          <Field
            label={UI.rilevazioni.livelloManuale}
            required
            validationMessage={errors.livello}
            validationState={errors.livello ? 'error' : 'none'}
          >
            <Input
              className={styles.full}
              inputMode="decimal"
              value={entry.livello}
              contentAfter={<Text>%</Text>}
              onChange={(_, d) => set({ livello: d.value })}
              data-testid="campo-livello"
            />
          </Field>
          <Field
            label={UI.rilevazioni.motivazione}
            required={entry.livello.trim() !== ''}
            validationMessage={errors.motivazione}
            validationState={errors.motivazione ? 'error' : 'none'}
          >
            <Textarea
              className={styles.full}
              resize="vertical"
              value={entry.motivazione}
              onChange={(_, d) => set({ motivazione: d.value })}
              data-testid="campo-motivazione"
            />
          </Field>
        </>
      )}
    </div>
  );
}

export default function Rilevazioni({ wb, port }: TabProps) {
  const tab = useTabStyles();
  const [anno, setAnno] = useState<number | null>(null);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [errors, setErrors] = useState<Record<string, EntryCheck['errors']>>({});
  /** the outcome, shown under the button that caused it */
  const [busy, setBusy] = useState(false);

  const { scheda, cardKey, setCardKey, pickFromSelection } = useSchedaChoice({ wb, port });
  const anni = useMemo(() => (scheda ? [...new Set(scheda.annualita.map((a) => a.anno ?? a.n))] : []), [scheda]);
  const annoShown = anno !== null && anni.includes(anno) ? anno : anni[0];
  // kept across tab switches; gone when the workbook changes or another card or year is chosen
  const [notice, setNotice] = useKeptNotice<{ at: 'prepara' | 'salva'; intent: 'success' | 'info' | 'error'; text: string }>(
    'rilevazioni.notice',
    `${scheda ? schedaKey(scheda) : ''}|${annoShown ?? ''}`,
  );

  // start from the card selected in Excel
  useEffect(() => {
    if (cardKey === null && wb.schede.length) void pickFromSelection();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wb.schede.length]);

  const table = useMemo(() => {
    const g = findRilevazioni(wb.grids);
    return g ? readRilevazioni(g) : null;
  }, [wb.grids]);

  const refs = useMemo(
    () => (scheda && annoShown !== undefined ? azioniDi([scheda]).filter((r) => r.anno === annoShown) : []),
    [scheda, annoShown],
  );
  const initial = useMemo(() => {
    const out: Record<string, { entry: Entry; row: number | null }> = {};
    for (const r of refs) {
      const row = table ? findRow(table, r.scheda.sheet, r.scheda.index, r.anno, r.n) : undefined;
      out[refKey(r)] = { entry: entryFromRow(row?.cells, r.rule.kind), row: row ? row.row : null };
    }
    return out;
  }, [refs, table]);

  // a new card/year or a re-read sheet resets the form to what the sheet holds
  // (entries the user is editing survive a re-read when the sheet's values for them did not change)
  const prevInitial = useRef<Record<string, { entry: Entry }>>({});
  useEffect(() => {
    const prev = prevInitial.current;
    prevInitial.current = initial;
    setEntries((cur) =>
      Object.fromEntries(
        Object.entries(initial).map(([k, v]) => {
          const same = prev[k] && JSON.stringify(prev[k].entry) === JSON.stringify(v.entry);
          return [k, same && cur[k] ? cur[k] : v.entry];
        }),
      ),
    );
  }, [initial]);

  const prepara = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const res = preparaRilevazioniDettagli(wb.schede, wb.grids);
      if (!res.plan.sheets?.length && !res.plan.cells?.length) {
        setNotice({ at: 'prepara', intent: 'info', text: UI.rilevazioni.preparato(0) });
        return;
      }
      if (await wb.apply(res.plan)) setNotice({ at: 'prepara', intent: 'success', text: UI.rilevazioni.preparato(res.aggiunte) });
    } finally {
      setBusy(false);
    }
  };

  /** the core's messages for one action (on leaving it, and while correcting a field in error) */
  const recheck = (r: AzioneRef, entry: Entry | undefined) => {
    const k = refKey(r);
    const init = initial[k];
    if (!init || init.row === null) return;
    const errs = checkEntry(entry ?? init.entry, r.rule, init.entry).errors;
    setErrors((cur) => ({ ...cur, [k]: errs }));
  };

  const salva = async () => {
    if (!table) return;
    const errs: Record<string, EntryCheck['errors']> = {};
    for (const r of refs) {
      const k = refKey(r);
      const init = initial[k];
      if (!init || init.row === null) continue;
      const check = checkEntry(entries[k] ?? init.entry, r.rule, init.entry);
      if (Object.keys(check.errors).length) errs[k] = check.errors;
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      setNotice({ at: 'salva', intent: 'error', text: UI.rilevazioni.errori });
      return;
    }
    // written on the sheet as it is now: rows found again (a sorted table moves them), rows someone changed since
    // the last read are not overwritten
    const now = await wb.current();
    const g = findRilevazioni(now.grids);
    const { writes, count, cambiate } = scritturePerRighe(g ? readRilevazioni(g) : null, refs, initial, entries);
    if (cambiate.length) {
      setNotice({ at: 'salva', intent: 'error', text: UI.rilevazioni.cambiate(cambiate) });
      return;
    }
    if (!writes.length) {
      setNotice({ at: 'salva', intent: 'info', text: UI.rilevazioni.nienteDaSalvare });
      return;
    }
    setBusy(true);
    try {
      if (await wb.apply({ cells: writes, select: { sheet: table.sheet, range: writes[0].address } }))
        setNotice({ at: 'salva', intent: 'success', text: UI.rilevazioni.salvato(count) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={tab.section} aria-label={UI.tabs.rilevazioni}>
      <Text size={200}>{UI.rilevazioni.intro}</Text>
      <div className={tab.row}>
        <Button appearance="primary" onClick={() => void prepara()} disabled={busy || !wb.schede.length} data-testid="prepara">
          {UI.rilevazioni.prepara}
        </Button>
      </div>
      {notice?.at === 'prepara' && (
        <Notice intent={notice.intent}>
          <span data-testid="esito-rilevazioni">{notice.text}</span>
        </Notice>
      )}
      {!table && wb.schede.length > 0 && <Notice intent="info">{UI.rilevazioni.mancante}</Notice>}
      {wb.schede.length === 0 && <Text>{UI.nessunaScheda}</Text>}
      {scheda && table && (
        <>
          <Divider />
          <SchedaPicker
            schede={wb.schede}
            scheda={scheda}
            onSelect={setCardKey}
            onUseSelection={() => void pickFromSelection()}
            testId="scelta-scheda"
          />
          {anni.length > 1 && (
            <Field label={UI.rilevazioni.annualita}>
              <RadioGroup layout="horizontal" value={String(annoShown)} onChange={(_, d) => setAnno(Number(d.value))}>
                {anni.map((a) => (
                  <Radio key={a} value={String(a)} label={String(a)} />
                ))}
              </RadioGroup>
            </Field>
          )}
          {refs.length === 0 && <Text>{UI.rilevazioni.nessunaAzione}</Text>}
          {table &&
            refs.map((r) => {
              const k = refKey(r);
              const init = initial[k];
              return (
                <ActionForm
                  key={k}
                  r={r}
                  entry={entries[k] ?? init?.entry}
                  errors={errors[k] ?? {}}
                  hasRow={!!init && init.row !== null}
                  onChange={(e) => {
                    setEntries((cur) => ({ ...cur, [k]: e }));
                    if (Object.keys(errors[k] ?? {}).length) recheck(r, e);
                  }}
                  onLeave={() => recheck(r, entries[k])}
                />
              );
            })}
          {table && refs.length > 0 && (
            <Button appearance="primary" onClick={() => void salva()} disabled={busy} data-testid="salva-rilevazioni">
              {UI.rilevazioni.salva}
            </Button>
          )}
          {notice?.at === 'salva' && (
            <Notice intent={notice.intent}>
              <span data-testid="esito-rilevazioni">{notice.text}</span>
            </Notice>
          )}
        </>
      )}
    </section>
  );
}
