import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndo20Regular, Calculator20Regular } from '@fluentui/react-icons';
import { annullaDettagli, calcola, oraLocale, type CalcoloResult, type EsitoScheda } from '../../domain/calcolo';
import type { Finding } from '../../domain/controlli/types';
import { formatNumberIt } from '../../domain/grid';
import { UI } from '../../domain/testi/ui';
import { Notice } from '../ErrorBar';
import { blankCells, pct, schedaKey } from '../model';
import { useTabStyles, type TabProps } from './Panoramica';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  azione: { display: 'flex', flexDirection: 'column', gap: '2px', paddingLeft: tokens.spacingHorizontalS, borderLeft: `3px solid ${tokens.colorNeutralStroke1}` },
  small: { color: tokens.colorNeutralForeground3 },
  link: {
    width: '100%',
    maxWidth: 'none',
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'normal',
    minHeight: 'auto',
    padding: tokens.spacingVerticalXS,
  },
});

const TUTTE = 'tutte';
const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

function EsitoCard({ e }: { e: EsitoScheda }) {
  const styles = useStyles();
  return (
    <div className={styles.card} data-testid="esito-scheda" data-foglio={e.foglio}>
      <Text weight="semibold">{e.label}</Text>
      <Text size={200} className={styles.small}>
        {e.foglio}
        {e.anno !== null ? ` · ${e.anno}` : ''} · {e.rilevate}/{e.azioni.length}
      </Text>
      <Text data-testid="grado">
        {UI.calcola.grado(e.grado === null ? UI.calcola.nonCalcolabile : pct(e.grado))}
      </Text>
      {e.azioni.map((a) => (
        <div key={a.n} className={styles.azione} data-testid="esito-azione">
          <Text size={200} weight="semibold">
            {UI.calcola.azione(a.n)}
            {a.peso !== null ? ` · ${UI.rilevazioni.peso(formatNumberIt(a.peso))}` : ''}:{' '}
            {a.livello === null ? (
              <Badge appearance="tint" color={a.stato === 'non-valida' ? 'danger' : 'subtle'}>
                {a.stato === 'non-valida' ? UI.calcola.nonCalcolabile : UI.calcola.nonRilevata}
              </Badge>
            ) : (
              <Badge appearance="filled" color="brand" data-testid="livello-azione">
                {pct(a.livello)}
              </Badge>
            )}
          </Text>
          {a.spiegazione && (
            <Text size={200} className={styles.small}>
              {a.spiegazione}
            </Text>
          )}
        </div>
      ))}
    </div>
  );
}

export default function Calcola({ wb, port }: TabProps) {
  const tab = useTabStyles();
  const styles = useStyles();
  const [anno, setAnno] = useState<string>(TUTTE);
  const [progress, setProgress] = useState<{ i: number; n: number; label: string } | null>(null);
  const [result, setResult] = useState<CalcoloResult | null>(null);
  const [partial, setPartial] = useState<EsitoScheda[]>([]);
  const [conflitti, setConflitti] = useState<Finding[]>([]);
  const [notice, setNotice] = useState<{ intent: 'success' | 'info' | 'warning'; text: string } | null>(null);

  const anni = useMemo(() => {
    const ys = new Set<number>();
    for (const s of wb.schede) for (const a of s.annualita) if (a.anno !== null) ys.add(a.anno);
    return [...ys].sort((a, b) => a - b);
  }, [wb.schede]);
  const opts = () => ({ now: oraLocale(new Date()), ...(anno !== TUTTE ? { anno: Number(anno) } : {}) });
  const busy = progress !== null;

  const show = (r: CalcoloResult) => {
    setResult(r);
    setConflitti(r.segnalazioni.filter((f) => f.codice === 'CONFLITTO_MANUALE'));
  };

  const avvia = async () => {
    setNotice(null);
    setResult(null);
    setPartial([]);
    const schede = wb.schede;
    const grids = wb.grids;
    const o = opts();
    try {
      // card by card for the progress bar and the first results, then the whole workbook as one plan
      const seen: EsitoScheda[] = [];
      for (let i = 0; i < schede.length; i++) {
        setProgress({ i, n: schede.length, label: UI.calcola.inCorso(i + 1, schede.length) });
        await nextFrame();
        seen.push(...calcola([schede[i]], grids, o).schede);
        setPartial([...seen]);
      }
      setProgress({ i: schede.length, n: schede.length, label: UI.calcola.scrittura });
      await nextFrame();
      const r = calcola(schede, grids, o);
      if (await wb.apply(r.plan)) {
        show(r);
        setNotice({ intent: 'success', text: UI.calcola.fatto(new Set(r.schede.map((e) => `${e.foglio}#${e.scheda}`)).size) });
      }
    } finally {
      setProgress(null);
      setPartial([]);
    }
  };

  const sovrascrivi = async (f: Finding) => {
    // the chosen hand-typed cell is treated as empty: the compute writes it (and remembers it for undo)
    const r = calcola(wb.schede, blankCells(wb.grids, [{ sheet: f.foglio, address: f.celle[0] }]), opts());
    if (await wb.apply(r.plan)) {
      show(r);
      setNotice({ intent: 'success', text: UI.calcola.sovrascritto });
    }
  };

  const mantieni = (f: Finding) => {
    setConflitti((cur) => cur.filter((x) => x !== f));
    setNotice({ intent: 'info', text: UI.calcola.mantenuto });
  };

  const annullaUltimo = async () => {
    setNotice(null);
    const res = annullaDettagli(wb.grids);
    if (!res) {
      setNotice({ intent: 'info', text: UI.calcola.nienteDaAnnullare });
      return;
    }
    if (await wb.apply(res.plan)) {
      setResult(null);
      setConflitti([]);
      setNotice({ intent: res.avvisi.length ? 'warning' : 'success', text: [UI.calcola.annullato, ...res.avvisi].join(' ') });
    }
  };

  const other = result?.segnalazioni.filter((f) => f.codice === 'RILEVAZIONE_NON_VALIDA') ?? [];
  const shown = result?.schede ?? partial;
  const order = new Map(wb.schede.map((s, i) => [schedaKey(s), i]));

  return (
    <section className={tab.section} aria-label={UI.tabs.calcola}>
      <Text size={200}>{UI.calcola.intro}</Text>
      <Field label={UI.calcola.annualita}>
        <Dropdown
          value={anno === TUTTE ? UI.calcola.tutte : anno}
          selectedOptions={[anno]}
          onOptionSelect={(_, d) => d.optionValue && setAnno(d.optionValue)}
          data-testid="scelta-anno"
        >
          <Option value={TUTTE}>{UI.calcola.tutte}</Option>
          {anni.map((y) => (
            <Option key={y} value={String(y)}>
              {String(y)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={tab.row}>
        <Button
          appearance="primary"
          icon={<Calculator20Regular />}
          onClick={() => void avvia()}
          disabled={busy || wb.schede.length === 0}
          data-testid="calcola"
        >
          {UI.calcola.avvia}
        </Button>
        <Button icon={<ArrowUndo20Regular />} onClick={() => void annullaUltimo()} disabled={busy} data-testid="annulla-calcolo">
          {UI.calcola.annulla}
        </Button>
      </div>
      {progress && (
        <Field validationMessage={progress.label} validationState="none">
          <ProgressBar value={progress.n ? progress.i / progress.n : 0} max={1} thickness="large" />
        </Field>
      )}
      {notice && (
        <Notice intent={notice.intent}>
          <span data-testid="esito-calcolo">{notice.text}</span>
        </Notice>
      )}
      {result?.messaggi.map((m) => (
        <Notice key={m} intent="warning">
          {m}
        </Notice>
      ))}
      {conflitti.length > 0 && (
        <div className={tab.section} data-testid="conflitti">
          <Text weight="semibold">{UI.calcola.conflitti}</Text>
          <Text size={200}>{UI.calcola.conflittiIntro}</Text>
          {conflitti.map((f, i) => (
            <div key={`${f.foglio}!${f.celle[0]}-${i}`} className={styles.card}>
              <Button appearance="subtle" className={styles.link} onClick={() => void wb.run(() => port.select(f.foglio, f.celle[0]))}>
                {f.messaggio}
              </Button>
              <div className={tab.row}>
                <Button size="small" onClick={() => mantieni(f)}>
                  {UI.calcola.mantieni}
                </Button>
                <Button size="small" appearance="primary" onClick={() => void sovrascrivi(f)}>
                  {UI.calcola.sovrascrivi}
                </Button>
              </div>
            </div>
          ))}
        </div>
      )}
      {other.length > 0 && (
        <div className={tab.section}>
          <Text weight="semibold">{UI.calcola.segnalazioni}</Text>
          {other.map((f, i) => (
            <Button key={i} appearance="subtle" className={styles.link} onClick={() => void wb.run(() => port.select(f.foglio, f.celle[0]))}>
              {f.messaggio}
            </Button>
          ))}
        </div>
      )}
      {[...shown]
        .sort((a, b) => (order.get(`${a.foglio}#${a.scheda}`) ?? 0) - (order.get(`${b.foglio}#${b.scheda}`) ?? 0) || a.annualita - b.annualita)
        .map((e) => (
          <EsitoCard key={`${e.foglio}#${e.scheda}#${e.annualita}`} e={e} />
        ))}
    </section>
  );
}
