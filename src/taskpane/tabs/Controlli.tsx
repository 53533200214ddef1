import { useState, type ReactElement } from 'react';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Correzione, Finding, Gravita } from '../../domain/controlli/types';
import { UI } from '../../domain/testi/ui';
import { Notice } from '../ErrorBar';
import { correzioneAncoraValida, correzionePlan, correzioneText, countBySeverity, firstRange, groupFindings } from '../model';
import { useTabStyles, type TabProps } from './Panoramica';
import { useKept } from '../kept';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  finding: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
  code: { display: 'block', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  fix: { marginLeft: '28px', maxWidth: 'calc(100% - 28px)', whiteSpace: 'normal', height: 'auto' },
  pre: { whiteSpace: 'pre-wrap' },
  heading: { margin: `${tokens.spacingVerticalXS} 0 0` },
});

const ICON: Record<Gravita, ReactElement> = {
  errore: <ErrorCircle16Filled primaryFill={tokens.colorPaletteRedForeground1} />,
  avviso: <Warning16Filled primaryFill={tokens.colorPaletteDarkOrangeForeground1} />,
  info: <Info16Filled primaryFill={tokens.colorBrandForeground1} />,
};

export function Controlli({ wb, port }: TabProps) {
  const tab = useTabStyles();
  const styles = useStyles();
  const [fix, setFix] = useState<Correzione | null>(null);
  // the outcome of Correggi: kept across tab switches, gone when the workbook changes
  const [done, setDone] = useKept<string | null>('controlli.done', null);
  const groups = groupFindings(wb.findings, wb.schede, UI.controlli.generali);
  const n = countBySeverity(wb.findings);

  const applyFix = async () => {
    if (!fix) return;
    const c = fix;
    setFix(null);
    // the fix is written on the workbook as it is now: a cell changed since the last read is never overwritten
    const now = await wb.current();
    if (!correzioneAncoraValida(c, now.findings)) {
      setDone(UI.controlli.cambiata(`${c.foglio}!${c.cella}`));
      return;
    }
    if (await wb.apply(correzionePlan(c, now.grids))) setDone(UI.controlli.corretto(c.cella));
  };

  return (
    <section className={tab.section} aria-label={UI.tabs.controlli}>
      <Text size={200}>{UI.controlli.intro}</Text>
      <Text weight="semibold" data-testid="conteggio-segnalazioni">
        {UI.controlli.totale(n.errore, n.avviso, n.info)}
      </Text>
      {done && <Notice intent="success">{done}</Notice>}
      {groups.length === 0 && !wb.loading && <Notice intent="success">{UI.controlli.nessuna}</Notice>}
      {groups.map((g) => (
        <div key={g.key} className={styles.group} data-testid="gruppo-segnalazioni">
          <Text as="h2" weight="semibold" size={300} className={styles.heading}>
            {g.label} <Badge appearance="tint">{g.count}</Badge>
          </Text>
          {g.severities.map((s) => (
            <div key={s.gravita} className={styles.group}>
              <Text as="h3" size={200} weight="semibold" className={styles.heading}>
                {UI.controlli.gravita[s.gravita]} ({s.items.length})
              </Text>
              <ul className={tab.list}>
                {s.items.map((f: Finding, i) => (
                  <li key={`${f.codice}-${i}`} className={styles.item}>
                    <Button
                      appearance="subtle"
                      className={mergeClasses(tab.textButton, styles.finding)}
                      icon={ICON[f.gravita]}
                      data-testid="segnalazione"
                      data-codice={f.codice}
                      onClick={() => void wb.run(() => port.select(f.foglio, firstRange(f)))}
                    >
                      <span>
                        {f.messaggio}
                        <span className={styles.code}>
                          {f.foglio ? `${f.foglio}!${f.celle.join(', ')}` : f.celle.join(', ')} · {f.codice}
                        </span>
                      </span>
                    </Button>
                    {f.correzione && (
                      <Button
                        size="small"
                        appearance="primary"
                        className={styles.fix}
                        onClick={() => setFix(f.correzione!)}
                        data-testid="correggi"
                      >
                        {f.correzione.tipo === 'graduazione-canonica'
                          ? UI.controlli.correggiGraduazione
                          : UI.controlli.correggiPeso(correzioneText(f.correzione))}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
      <Dialog open={fix !== null} onOpenChange={(_, d) => !d.open && setFix(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{UI.controlli.confermaTitolo}</DialogTitle>
            <DialogContent className={styles.pre}>
              {fix &&
                (fix.tipo === 'graduazione-canonica'
                  ? UI.controlli.confermaGraduazione(`${fix.foglio}!${fix.cella}`, fix.testo)
                  : UI.controlli.confermaPeso(`${fix.foglio}!${fix.cella}`, correzioneText(fix)))}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void applyFix()}>
                {UI.conferma}
              </Button>
              <Button onClick={() => setFix(null)}>{UI.annullaAzione}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
