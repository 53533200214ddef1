import { conGruppi, opzioniCartella } from '../../domain/sistemi';
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
import {
  annullaDettagli,
  calcola,
  calcolaPassi,
  chiaveCella,
  oraLocale,
  prossimoAnnulla,
  type CalcolaOpts,
  type CalcoloResult,
  type EsitoScheda,
} from '../../domain/calcolo';
import type { Finding } from '../../domain/controlli/types';
import { formatNumberIt } from '../../domain/grid';
import { ETICHETTA_A_MANO, MSG_ANNULLA, gradoConStato } from '../../domain/testi/calcolo';
import { UI } from '../../domain/testi/ui';
import { Notice } from '../ErrorBar';
import { pct, schedaKey } from '../model';
import { aPassi, nextPaint } from '../passi';
import { useKept, useKeptRef } from '../kept';
import { useTabStyles, type TabProps } from './Panoramica';

const useStyles = makeStyles({
  azione: { display: 'flex', flexDirection: 'column', gap: '2px', paddingLeft: tokens.spacingHorizontalS, borderLeft: `3px solid ${tokens.colorNeutralStroke1}` },
  small: { color: tokens.colorNeutralForeground3 },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  summary: { cursor: 'pointer', fontSize: tokens.fontSizeBase300, marginBottom: tokens.spacingVerticalXS },
});

const TUTTE = 'tutte';

function EsitoAzioneRow({ a }: { a: EsitoScheda['azioni'][number] }) {
  const styles = useStyles();
  return (
    <div className={styles.azione} data-testid="esito-azione" data-n={a.n} data-livello={a.livello ?? ''}>
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
        {a.aMano && (
          <>
            {' '}
            <Badge appearance="tint" color="warning" data-testid="a-mano">
              {ETICHETTA_A_MANO}
            </Badge>
          </>
        )}
      </Text>
      {a.spiegazione && (
        <Text size={200} className={styles.small}>
          {a.spiegazione}
        </Text>
      )}
    </div>
  );
}

function EsitoCard({ e }: { e: EsitoScheda }) {
  const styles = useStyles();
  const tab = useTabStyles();
  // an annualità with nothing measured yet: one line, its actions folded away
  const vuota = e.rilevate === 0 && e.azioni.every((a) => a.livello === null && a.stato !== 'non-valida');
  return (
    <div
      className={tab.box}
      data-testid="esito-scheda"
      data-foglio={e.foglio}
      data-anno={e.anno ?? ''}
      data-grado={e.grado ?? ''}
      data-parziale={e.parziale ? 'sì' : 'no'}
    >
      <Text weight="semibold">{e.label}</Text>
      <Text size={200} className={styles.small}>
        {e.foglio}
        {e.anno !== null ? ` · ${e.anno}` : ''} · {UI.calcola.rilevate(e.rilevate, e.azioni.length)}
      </Text>
      {vuota ? (
        <details className={styles.details}>
          <summary className={styles.summary}>{UI.calcola.nessunaRilevata}</summary>
          {e.azioni.map((a) => (
            <EsitoAzioneRow key={a.n} a={a} />
          ))}
        </details>
      ) : (
        <>
          <Text data-testid="grado" weight={e.parziale || e.pesoTotaleErrato !== null ? undefined : 'semibold'}>
            {UI.calcola.grado(
              e.grado === null
                ? UI.calcola.nonCalcolabile
                : gradoConStato(pct(e.grado), {
                    parziale: e.parziale,
                    rilevate: e.rilevate,
                    azioni: e.azioni.length,
                    pesoTotaleErrato: e.pesoTotaleErrato,
                    aMano: e.aMano,
                  }),
            )}
          </Text>
          {e.azioni.map((a) => (
            <EsitoAzioneRow key={a.n} a={a} />
          ))}
        </>
      )}
    </div>
  );
}

export default function Calcola({ wb, port }: TabProps) {
  const tab = useTabStyles();
  const [anno, setAnno] = useKept<string>('calcola.anno', TUTTE);
  const [progress, setProgress] = useState<{ i: number; n: number; label: string } | null>(null);
  // the results stay while the user visits other tabs, until the workbook changes
  const [result, setResult] = useKept<CalcoloResult | null>('calcola.result', null);
  const [conflitti, setConflitti] = useKept<Finding[]>('calcola.conflitti', []);
  /** conflicts the user chose to keep, as "Foglio!A1" (not listed again until the next "Calcola") */
  const mantenute = useKeptRef('calcola.mantenute', new Set<string>());
  /** the year of the last compute: "Sovrascrivi" recomputes the same one */
  const annoUsato = useKeptRef<number | undefined>('calcola.annoUsato', undefined);
  const [notice, setNotice] = useKept<{ intent: 'success' | 'info' | 'warning'; text: string } | null>('calcola.notice', null);

  const anni = useMemo(() => {
    const ys = new Set<number>();
    for (const s of wb.schede) for (const a of s.annualita) if (a.anno !== null) ys.add(a.anno);
    return [...ys].sort((a, b) => a - b);
  }, [wb.schede]);
  // the pane has already checked these cards (wb.findings): the compute reuses them instead of checking again
  const opts = (y: number | undefined, findings: Finding[] = wb.findings): CalcolaOpts => ({
    now: oraLocale(new Date()),
    controlli: findings,
    ...(y !== undefined ? { anno: y } : {}),
  });
  const busy = progress !== null;
  /** what the next undo will take back (the button says it) */
  const prossimo = useMemo(() => prossimoAnnulla(wb.grids), [wb.grids]);
  const keyOf = (f: Finding) => chiaveCella(f.foglio, f.celle[0] ?? '');

  const show = (r: CalcoloResult) => {
    setResult(r);
    setConflitti(r.segnalazioni.filter((f) => f.codice === 'CONFLITTO_MANUALE' && !mantenute.current.has(keyOf(f))));
  };

  const avvia = async () => {
    setNotice(null);
    setResult(null);
    mantenute.current = new Set();
    const now = await wb.current();
    const schede = now.schede;
    const y = anno !== TUTTE ? Number(anno) : undefined;
    annoUsato.current = y;
    try {
      // one compute, card by card: the bar follows it, the browser paints between slices
      setProgress({ i: 0, n: schede.length, label: UI.calcola.inCorso(1, schede.length) });
      await nextPaint();
      // the card systems' own rows (fasi services and centri, matrix areas, the fund) join the Riepilogo: src/domain/sistemi
      const passi = await aPassi(calcolaPassi(schede, now.grids, opzioniCartella(schede, opts(y, now.findings), now.progetti)), (p) =>
        setProgress({ i: p.done, n: p.total, label: UI.calcola.inCorso(Math.min(p.done + 1, p.total), p.total) }),
      );
      const r = conGruppi(passi, schede, now.progetti);
      setProgress({ i: schede.length, n: schede.length, label: UI.calcola.scrittura });
      await nextPaint();
      if (await wb.apply(r.plan)) {
        show(r);
        setNotice({ intent: 'success', text: UI.calcola.fatto(new Set(r.schede.map((e) => `${e.foglio}#${e.scheda}`)).size) });
      }
    } finally {
      setProgress(null);
    }
  };

  const sovrascrivi = async (f: Finding) => {
    // the same compute, told to overwrite this one cell: one write, and undo gives the hand value back
    setNotice(null);
    const now = await wb.current();
    const o = opts(annoUsato.current, now.findings);
    const r = conGruppi(calcola(now.schede, now.grids, opzioniCartella(now.schede, { ...o, forzaCelle: [keyOf(f)] }, now.progetti)), now.schede, now.progetti);
    if (await wb.apply(r.plan)) {
      show(r);
      setNotice({ intent: 'success', text: UI.calcola.sovrascritto });
    }
  };

  const mantieni = (f: Finding) => {
    mantenute.current.add(keyOf(f));
    setConflitti((cur) => cur.filter((x) => x !== f));
    setNotice({ intent: 'info', text: UI.calcola.mantenuto });
  };

  const annullaUltimo = async () => {
    setNotice(null);
    const now = await wb.current();
    const res = annullaDettagli(now.grids, now.schede);
    if (!res) {
      setNotice({ intent: 'info', text: UI.calcola.nienteDaAnnullare });
      return;
    }
    // a damaged or hand-edited record: refused, nothing written
    if (res.rifiuto || !res.passo) {
      setNotice({ intent: 'warning', text: res.rifiuto ?? MSG_ANNULLA.registroIllegibile });
      return;
    }
    const passo = res.passo;
    if (await wb.apply(res.plan)) {
      setResult(null);
      setConflitti([]);
      setNotice({
        intent: res.avvisi.length ? 'warning' : 'success',
        text: [MSG_ANNULLA.annullatoPasso(passo, res.ripristinate), ...res.avvisi, MSG_ANNULLA.restanti(res.restanti)].join(' '),
      });
    }
  };

  const other = result?.segnalazioni.filter((f) => f.codice === 'RILEVAZIONE_NON_VALIDA') ?? [];
  const shown = result?.schede ?? [];
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
          {MSG_ANNULLA.pulsante(prossimo)}
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
            <div key={`${keyOf(f)}-${i}`} className={tab.box} data-testid="conflitto" data-cella={keyOf(f)}>
              <Text size={200} weight="semibold">
                {f.foglio}!{f.celle[0]}
              </Text>
              <Button appearance="subtle" className={tab.textButton} onClick={() => void wb.run(() => port.select(f.foglio, f.celle[0]))}>
                {f.messaggio}
              </Button>
              <div className={tab.row}>
                <Button size="small" onClick={() => mantieni(f)} data-testid="mantieni">
                  {UI.calcola.mantieni}
                </Button>
                <Button size="small" appearance="primary" disabled={busy} onClick={() => void sovrascrivi(f)} data-testid="sovrascrivi">
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
            <Button key={i} appearance="subtle" className={tab.textButton} onClick={() => void wb.run(() => port.select(f.foglio, f.celle[0]))}>
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
