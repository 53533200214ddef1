import { useMemo, useState } from 'react';
import {
  Button,
  Divider,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  SpinButton,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, DocumentTable20Regular, Save20Regular, TableSimple20Regular } from '@fluentui/react-icons';
import type { WritePlan } from '../../domain/plan';
import { UI } from '../../domain/testi/ui';
import { Notice } from '../ErrorBar';
import { gridFromValues, parsePeriodo, schedaKey } from '../model';
import { useKeptNotice } from '../kept';
import {
  anteprimaNuove,
  creaDaModello,
  elencoModelli,
  modelloPlan,
  readElencoRows,
  righeDaIncollato,
  sceltaSistemi,
  sistemaScelto,
  standardizzaPlan,
  STANDARD,
  type Esito as PlanEsito,
} from '../nuovaScheda';
import type { RigaElenco } from '../../domain/modelli/elenco';
import { SchedaPicker, useSchedaChoice } from './SchedaPicker';
import { useTabStyles, type TabProps } from './Panoramica';

type Origine = 'una' | 'elenco' | 'testo';

/** how many of a list's new sheets the preview names before "… e altri N" */
const ANTEPRIMA_MAX = 12;

const useStyles = makeStyles({
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: '18px' },
  titoli: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '2px' },
});

interface Esito {
  at: 'crea' | 'scheda';
  intent: 'success' | 'info' | 'warning' | 'error';
  text: string;
  details?: string[];
}

function EsitoNotice({ e }: { e: Esito }) {
  const styles = useStyles();
  return (
    <Notice intent={e.intent}>
      <div data-testid="esito-nuova">
        {e.text}
        {e.details && e.details.length > 0 && (
          <ul className={styles.details}>
            {e.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
      </div>
    </Notice>
  );
}

export default function NuovaScheda({ wb, port }: TabProps) {
  const tab = useTabStyles();
  const styles = useStyles();
  const [modello, setModello] = useState<string>(STANDARD);
  const [origine, setOrigine] = useState<Origine>('una');
  const [titolo, setTitolo] = useState('');
  const [dirigente, setDirigente] = useState('');
  const [unita, setUnita] = useState('');
  const nextYear = new Date().getFullYear() + 1;
  const [periodo, setPeriodo] = useState(`${nextYear}-${nextYear + 2}`);
  const [tipo, setTipo] = useState<'comune' | 'individuale'>('comune');
  const [azioni, setAzioni] = useState(5);
  const [numAnnualita, setNumAnnualita] = useState(3);
  const [elenco, setElenco] = useState<{ rows: RigaElenco[]; values: (string | number | boolean | null)[][] } | null>(null);
  const [testo, setTesto] = useState('');
  const [nomeModello, setNomeModello] = useState('');
  const [busy, setBusy] = useState(false);

  const modelli = useMemo(() => elencoModelli(wb.grids), [wb.grids]);
  const sistemi = useMemo(() => sceltaSistemi(), []);
  const sistema = sistemaScelto(modello);
  const incollate = useMemo(() => (origine === 'testo' ? righeDaIncollato(testo) : []), [origine, testo]);
  const righeLista = origine === 'testo' ? incollate : origine === 'elenco' ? (elenco?.rows ?? []) : [];
  const anteprima = useMemo(() => anteprimaNuove(righeLista, wb.grids.map((g) => g.name)), [righeLista, wb.grids]);
  const periodoOk = parsePeriodo(periodo);
  const { scheda, setCardKey, pickFromSelection } = useSchedaChoice({ wb, port });
  /**
   * the outcome, shown under the button that caused it ('crea': new cards; 'scheda': template, standardizza);
   * kept across tab switches, gone when the workbook changes or another card is chosen
   */
  const [notice, setNotice] = useKeptNotice<Esito>('nuova.notice', scheda ? schedaKey(scheda) : '');

  const write = async (at: Esito['at'], plan: WritePlan | PlanEsito | null, ok: (p: WritePlan) => string, details: string[] = []) => {
    if (!plan) return;
    if ('ok' in plan) {
      if (!plan.ok) {
        setNotice({ at, intent: 'error', text: plan.message });
        return;
      }
      plan = plan.plan;
    }
    setBusy(true);
    setNotice(null);
    try {
      if (await wb.apply(plan)) setNotice({ at, intent: 'success', text: ok(plan), details });
    } finally {
      setBusy(false);
    }
  };
  const created = (p: WritePlan) => UI.nuova.create((p.sheets ?? []).filter((s) => s.visibility !== 'veryHidden' && s.visibility !== 'hidden').map((s) => s.name));

  const leggiSelezione = async () => {
    const sel = await wb.run(() => port.getSelection());
    const values = sel?.values ?? [];
    const rows = readElencoRows(gridFromValues(values));
    setElenco({ rows, values });
    setNotice(rows.length ? null : { at: 'crea', intent: 'warning', text: UI.nuova.elencoVuoto });
  };

  const crea = async () => {
    if (!periodoOk) return;
    const opts = { periodo: periodoOk, tipo, azioniPerAnnualita: azioni, annualita: numAnnualita };
    // made on the workbook as it is now: a sheet added since the last read keeps its name, the new ones get others
    const now = await wb.current();
    const existing = now.grids.map((g) => g.name);
    if (origine === 'una') {
      await write('crea', creaDaModello(modello, now.grids, { ...opts, titolo, dirigente, unita }, existing), created);
    } else if (origine === 'testo') {
      if (!incollate.length) {
        setNotice({ at: 'crea', intent: 'warning', text: UI.nuova.elencoVuoto });
        return;
      }
      await write('crea', creaDaModello(modello, now.grids, opts, existing, incollate), created);
    } else {
      let values = elenco?.values;
      if (!values) {
        const sel = await wb.run(() => port.getSelection());
        values = sel?.values ?? [];
      }
      const rows = readElencoRows(gridFromValues(values));
      if (!rows.length) {
        setNotice({ at: 'crea', intent: 'warning', text: UI.nuova.elencoVuoto });
        return;
      }
      await write('crea', creaDaModello(modello, now.grids, opts, existing, rows), created);
    }
  };

  return (
    <section className={tab.section} aria-label={UI.tabs.nuova}>
      <Text size={200}>{UI.nuova.intro}</Text>
      <Field label={UI.nuova.modello}>
        <Dropdown
          value={modello === STANDARD ? UI.nuova.standard : (sistemi.find((x) => x.value === modello)?.label ?? modello)}
          selectedOptions={[modello]}
          onOptionSelect={(_, d) => d.optionValue && setModello(d.optionValue)}
          data-testid="scelta-modello"
        >
          <Option value={STANDARD}>{UI.nuova.standard}</Option>
          {sistemi.map((x) => (
            <Option key={x.value} value={x.value} text={x.label}>
              {x.label}
            </Option>
          ))}
          {modelli.map((m) => (
            <Option key={m} value={m}>
              {m}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={UI.nuova.origine}>
        <RadioGroup value={origine} onChange={(_, d) => setOrigine(d.value as Origine)}>
          <Radio value="una" label={UI.nuova.una} />
          <Radio value="elenco" label={UI.nuova.elenco} data-testid="origine-elenco" />
          <Radio value="testo" label={UI.nuova.elencoTesto} data-testid="origine-testo" />
        </RadioGroup>
      </Field>
      {origine === 'una' ? (
        <>
          <Field label={UI.nuova.titoloScheda}>
            <Input value={titolo} onChange={(_, d) => setTitolo(d.value)} data-testid="nuova-titolo" />
          </Field>
          <Field label={UI.nuova.dirigente}>
            <Input value={dirigente} onChange={(_, d) => setDirigente(d.value)} />
          </Field>
          <Field label={UI.nuova.unita}>
            <Input value={unita} onChange={(_, d) => setUnita(d.value)} />
          </Field>
        </>
      ) : origine === 'elenco' ? (
        <>
          <Text size={200}>{UI.nuova.elencoAiuto}</Text>
          <Button icon={<TableSimple20Regular />} onClick={() => void leggiSelezione()}>
            {UI.nuova.leggiSelezione}
          </Button>
          {elenco && elenco.rows.length > 0 && <Text data-testid="elenco-letto">{UI.nuova.elencoLetto(elenco.rows.length)}</Text>}
        </>
      ) : (
        <>
          <Text size={200}>{UI.nuova.elencoTestoAiuto}</Text>
          <Field label={UI.nuova.elencoTestoCampo}>
            <Textarea value={testo} onChange={(_, d) => setTesto(d.value)} resize="vertical" rows={6} data-testid="elenco-testo" />
          </Field>
        </>
      )}
      {origine !== 'una' && anteprima.length > 0 && (
        <div data-testid="anteprima-nuove">
          <Text weight="semibold">{UI.nuova.anteprima(anteprima.length)}</Text>
          <ol className={styles.titoli}>
            {anteprima.slice(0, ANTEPRIMA_MAX).map((a, i) => (
              <li key={i} data-testid="anteprima-foglio">
                <Text size={200}>
                  <strong>{a.foglio}</strong>
                  {a.unita ? ` · ${a.unita}` : ''}
                </Text>
              </li>
            ))}
          </ol>
          {anteprima.length > ANTEPRIMA_MAX && <Text size={200}>{UI.nuova.anteprimaAltri(anteprima.length - ANTEPRIMA_MAX)}</Text>}
        </div>
      )}
      <div className={tab.row}>
        <Field
          label={UI.nuova.periodo}
          validationMessage={periodoOk ? undefined : UI.nuova.periodoNonValido}
          validationState={periodoOk ? 'none' : 'error'}
        >
          <Input value={periodo} onChange={(_, d) => setPeriodo(d.value)} style={{ width: 120 }} data-testid="nuova-periodo" />
        </Field>
        {!sistema && (
          <Field label={UI.nuova.tipo}>
            <RadioGroup layout="horizontal" value={tipo} onChange={(_, d) => setTipo(d.value as 'comune' | 'individuale')}>
              <Radio value="comune" label={UI.nuova.comune} />
              <Radio value="individuale" label={UI.nuova.individuale} />
            </RadioGroup>
          </Field>
        )}
      </div>
      <div className={tab.row} hidden={!!sistema}>
        <Field label={UI.nuova.azioni}>
          <SpinButton
            value={azioni}
            min={3}
            max={10}
            onChange={(_, d) => {
              const v = d.value ?? Number(d.displayValue);
              if (Number.isFinite(v)) setAzioni(Math.min(10, Math.max(3, Math.round(v as number))));
            }}
            style={{ width: 90 }}
          />
        </Field>
        <Field label={UI.nuova.numAnnualita}>
          <SpinButton
            value={numAnnualita}
            min={1}
            max={3}
            onChange={(_, d) => {
              const v = d.value ?? Number(d.displayValue);
              if (Number.isFinite(v)) setNumAnnualita(Math.min(3, Math.max(1, Math.round(v as number))));
            }}
            style={{ width: 90 }}
          />
        </Field>
      </div>
      <Button
        appearance="primary"
        icon={<Add20Regular />}
        disabled={busy || !periodoOk}
        onClick={() => void crea()}
        data-testid="crea-scheda"
      >
        {origine === 'una' ? UI.nuova.crea : UI.nuova.creaElenco}
      </Button>
      {notice?.at === 'crea' && <EsitoNotice e={notice} />}

      <Divider />
      <Text as="h2" size={300} weight="semibold">
        {UI.nuova.daScheda}
      </Text>
      {scheda ? (
        <>
          <SchedaPicker
            schede={wb.schede}
            scheda={scheda}
            onSelect={setCardKey}
            onUseSelection={() => void pickFromSelection()}
            testId="scelta-scheda-nuova"
          />
          <Text size={200}>{UI.nuova.salvaModelloAiuto}</Text>
          <div className={tab.row}>
            <Field label={UI.nuova.nomeModello}>
              <Input value={nomeModello} onChange={(_, d) => setNomeModello(d.value)} data-testid="nome-modello" />
            </Field>
            <Button
              icon={<Save20Regular />}
              disabled={busy || !nomeModello.trim()}
              data-testid="salva-modello"
              onClick={() =>
                void write('scheda', modelloPlan(scheda, wb.grids, nomeModello.trim()), () => UI.nuova.modelloSalvato(nomeModello.trim()))
              }
            >
              {UI.nuova.salvaModello}
            </Button>
          </div>
          <Text size={200}>{UI.nuova.standardizzaAiuto}</Text>
          <Button
            icon={<DocumentTable20Regular />}
            disabled={busy}
            onClick={() => {
              const { plan, changes } = standardizzaPlan(scheda, wb.grids);
              void write('scheda', plan, (p) => UI.nuova.standardizzata(p.sheets?.[0]?.name ?? ''), changes);
            }}
            data-testid="standardizza"
          >
            {UI.nuova.standardizza}
          </Button>
        </>
      ) : (
        <Text size={200}>{UI.nuova.nessunaSchedaSelezionata}</Text>
      )}
      {notice?.at === 'scheda' && <EsitoNotice e={notice} />}
    </section>
  );
}
